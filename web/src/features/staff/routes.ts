import type { RouteRecordRaw } from 'vue-router';
import { loadModeMessages } from '@/i18n/modes';

/**
 * Staff mode's screens (users with the `staff` role), lazily loaded with their messages
 * (`i18n/staff/*.json`): members never download them. Add the screens as children of `/staff`.
 */
export const staffRoutes: RouteRecordRaw[] = [];

export const loadStaffMessages = () => loadModeMessages('staff');
