import type { RouteRecordRaw } from 'vue-router';
import { loadModeMessages } from '@/i18n/modes';

import { registerStaffServiceWorker } from './pwa';

export const loadStaffMessages = () => loadModeMessages('staff');

/** Staff screens: their messages, and the service worker that keeps them working offline. */
const enterStaff = async () => {
  void registerStaffServiceWorker();
  await loadStaffMessages();
};

/**
 * Staff mode's screens (users with the `staff` role), lazily loaded with their messages
 * (`i18n/staff/*.json`): members never download them. Each screen checks the role and store scope
 * from the session and shows "not allowed" otherwise; the services check again.
 */
export const staffRoutes: RouteRecordRaw[] = [
  {
    path: '/staff',
    name: 'staff',
    component: () => import('./StaffHome.vue'),
    beforeEnter: enterStaff,
    meta: { title: 'staff.title' },
  },
  {
    path: '/staff/scan',
    name: 'staff-scan',
    component: () => import('./ScanView.vue'),
    beforeEnter: enterStaff,
    meta: { title: 'staff.scanTitle' },
  },
  {
    path: '/staff/events/:eventId/attendees',
    name: 'staff-attendees',
    component: () => import('./AttendeesView.vue'),
    beforeEnter: enterStaff,
    meta: { title: 'staff.attendees.title' },
  },
];
