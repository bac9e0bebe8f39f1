import type { RouteRecordRaw } from 'vue-router';
import { loadModeMessages } from '@/i18n/modes';

/**
 * Admin mode's screens (users with the `brand-admin` role), lazily loaded with their messages
 * (`i18n/admin/*.json`) and charts: members never download them. Add the screens under `/admin`.
 */
export const adminRoutes: RouteRecordRaw[] = [];

export const loadAdminMessages = () => loadModeMessages('admin');
