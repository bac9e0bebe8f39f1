import type { RouteRecordRaw } from 'vue-router';
import { loadModeMessages } from '@/i18n/modes';

export const loadAdminMessages = () => loadModeMessages('admin');

/**
 * Admin mode's screens (users with the `brand-admin` role), lazily loaded with their messages
 * (`i18n/admin/*.json`) and charts: members never download them. The layout checks the role and
 * shows "not allowed" otherwise; the services check again.
 */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin',
    component: () => import('./AdminLayout.vue'),
    beforeEnter: loadAdminMessages,
    children: [
      { path: '', name: 'admin', redirect: { name: 'admin-dashboard' } },
      { path: 'dashboard', name: 'admin-dashboard', component: () => import('./dashboard/DashboardView.vue'), meta: { title: 'admin.nav.dashboard' } },
      { path: 'events', name: 'admin-events', component: () => import('./events/EventsAdmin.vue'), meta: { title: 'admin.nav.events' } },
      { path: 'events/new', name: 'admin-event-new', component: () => import('./events/EventEditor.vue'), meta: { title: 'admin.events.new' } },
      { path: 'events/:id', name: 'admin-event', component: () => import('./events/EventEditor.vue'), props: true, meta: { title: 'admin.events.edit' } },
      { path: 'offers', name: 'admin-offers', component: () => import('./offers/OffersAdmin.vue'), meta: { title: 'admin.nav.offers' } },
      { path: 'offers/new', name: 'admin-offer-new', component: () => import('./offers/OfferEditor.vue'), meta: { title: 'admin.offers.new' } },
      { path: 'offers/:id', name: 'admin-offer', component: () => import('./offers/OfferEditor.vue'), props: true, meta: { title: 'admin.offers.edit' } },
      { path: 'communities', name: 'admin-communities', component: () => import('./communities/CommunitiesAdmin.vue'), meta: { title: 'admin.nav.communities' } },
    ],
  },
];
