import type { RouteRecordRaw } from 'vue-router';
import { loadModeMessages } from '@/i18n/modes';

export const loadAdminMessages = () => loadModeMessages('admin');

/**
 * Admin mode (users with the `brand-admin` role): one placeholder for every /admin/… URL. Opening
 * one loads the admin messages and route table (`adminRouter.ts`), adds the routes and resolves the
 * URL again, so members never download admin screens, messages or charts — not even the route list.
 * The layout checks the role and shows "not allowed" otherwise; the services check again.
 */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin/:rest(.*)*',
    name: 'admin-entry',
    component: () => import('./AdminLayout.vue'),
    beforeEnter: async (to) => {
      const [{ addAdminRoutes }] = await Promise.all([import('./adminRouter'), loadAdminMessages()]);
      return addAdminRoutes() ? to.fullPath : true;
    },
  },
];
