import type { RouteRecordRaw } from 'vue-router';

/** Staff mode's screens (issue: staff mode). Lazily loaded: members never download them. */
export const staffRoutes: RouteRecordRaw[] = [];
