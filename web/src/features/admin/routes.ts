import type { RouteRecordRaw } from 'vue-router';

/** Admin mode's screens (issue: admin mode). Lazily loaded: members never download them. */
export const adminRoutes: RouteRecordRaw[] = [];
