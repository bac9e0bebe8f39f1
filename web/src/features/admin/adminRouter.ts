import type { RouteRecordRaw } from 'vue-router';
import { router } from '@/router';

// Admin mode's route table, added to the router the first time someone opens /admin/…, so the
// member app's entry chunk carries only the one placeholder record of routes.ts.
const routes: RouteRecordRaw[] = [
  {
    path: '/admin',
    component: () => import('./AdminLayout.vue'),
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
      { path: 'communities/:id', name: 'admin-community', component: () => import('./communities/CommunityManage.vue'), props: true, meta: { title: 'admin.communityEdit.title' } },
      { path: 'moderation', name: 'admin-moderation', component: () => import('./moderation/ModerationQueue.vue'), meta: { title: 'admin.moderation.title' } },
      { path: 'brand', name: 'admin-brand', component: () => import('./brand/BrandSettings.vue'), meta: { title: 'admin.brandSettings.nav' } },
      { path: 'brand/stores/new', name: 'admin-store-new', component: () => import('./brand/StoreEditor.vue'), meta: { title: 'admin.stores.new' } },
      { path: 'brand/stores/:storeId', name: 'admin-store', component: () => import('./brand/StoreEditor.vue'), props: true, meta: { title: 'admin.stores.edit' } },
      { path: 'brand/stores/:storeId/qr', name: 'admin-store-qr', component: () => import('./brand/StoreQr.vue'), props: true, meta: { title: 'admin.stores.qrTitle' } },
      { path: 'loyalty', name: 'admin-loyalty', component: () => import('./loyalty/LoyaltyRules.vue'), meta: { title: 'admin.loyalty.nav' } },
      { path: 'members', name: 'admin-members', component: () => import('./members/MembersAdmin.vue'), meta: { title: 'admin.members.nav' } },
      { path: 'members/:number', name: 'admin-member', component: () => import('./members/MemberDetail.vue'), props: true, meta: { title: 'admin.members.detail' } },
      { path: ':rest(.*)*', redirect: { name: 'admin-dashboard' } },
    ],
  },
];

let added = false;

/** Adds the admin routes once; true when they were added now (the caller then resolves the URL again). */
export function addAdminRoutes(): boolean {
  if (added) return false;
  for (const route of routes) router.addRoute(route);
  added = true;
  return true;
}
