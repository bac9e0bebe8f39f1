import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '@/session/sessionStore';
import { useProfileStore } from '@/features/profile/profileStore';
import { staffRoutes } from '@/features/staff/routes';
import { adminRoutes } from '@/features/admin/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without a session (invite and share landings). */
    public?: boolean;
    /** Shows the member tab bar. */
    tabs?: boolean;
    /** i18n key of the page title. */
    title?: string;
  }
}

const memberRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/features/home/HomeView.vue'), meta: { tabs: true, title: 'nav.home' } },
  { path: '/welcome', name: 'onboarding', component: () => import('@/features/onboarding/OnboardingView.vue'), meta: { title: 'onboarding.title' } },
  { path: '/club', name: 'club', component: () => import('@/features/club/ClubView.vue'), meta: { tabs: true, title: 'club.title' } },
  { path: '/club/invite', name: 'invite', component: () => import('@/features/club/InviteView.vue'), meta: { title: 'invite.title' } },
  { path: '/communities', name: 'communities', component: () => import('@/features/communities/CommunityList.vue'), meta: { tabs: true, title: 'nav.communities' } },
  { path: '/communities/:id', name: 'community', component: () => import('@/features/communities/CommunityFeed.vue'), props: true, meta: { title: 'communities.title' } },
  { path: '/posts/:id', name: 'post', component: () => import('@/features/communities/PostView.vue'), props: true, meta: { title: 'posts.title' } },
  { path: '/events', name: 'events', component: () => import('@/features/events/EventList.vue'), meta: { tabs: true, title: 'nav.events' } },
  { path: '/events/:id', name: 'event', component: () => import('@/features/events/EventDetail.vue'), props: true, meta: { title: 'events.title' } },
  { path: '/events/:id/ticket', name: 'ticket', component: () => import('@/features/events/TicketView.vue'), props: true, meta: { title: 'ticket.title' } },
  { path: '/offers', name: 'offers', component: () => import('@/features/offers/OfferList.vue'), meta: { tabs: true, title: 'nav.offers' } },
  { path: '/offers/:id', name: 'offer', component: () => import('@/features/offers/OfferDetail.vue'), props: true, meta: { title: 'offers.title' } },
  { path: '/coupons', name: 'coupons', component: () => import('@/features/offers/CouponList.vue'), meta: { title: 'coupons.title' } },
  { path: '/coupons/:id', name: 'coupon', component: () => import('@/features/offers/CouponView.vue'), props: true, meta: { title: 'coupons.one' } },
  { path: '/points', name: 'points', component: () => import('@/features/wallet/PointsHistory.vue'), meta: { title: 'points.title' } },
  { path: '/points/tiers', name: 'tiers', component: () => import('@/features/wallet/TierHistory.vue'), meta: { title: 'tiers.title' } },
  { path: '/me', name: 'profile', component: () => import('@/features/profile/ProfileView.vue'), meta: { tabs: true, title: 'nav.me' } },
];

const publicRoutes: RouteRecordRaw[] = [
  { path: '/join/:code', name: 'invite-landing', component: () => import('@/features/landing/InviteLanding.vue'), props: true, meta: { public: true, title: 'landing.inviteTitle' } },
  { path: '/s/:code', name: 'share-landing', component: () => import('@/features/landing/ShareLanding.vue'), props: true, meta: { public: true, title: 'landing.shareTitle' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/features/system/NotFound.vue'), meta: { public: true, title: 'system.notFound' } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes: [...memberRoutes, ...staffRoutes, ...adminRoutes, ...publicRoutes],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

// Screens behind login send a person without a session to Keycloak, and back here afterwards.
router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const session = useSessionStore();
  await session.load();
  if (!session.signedIn) {
    session.signIn(to.fullPath);
    return false;
  }
  // A first-time member sees the short onboarding before anything else, then comes back here.
  if (session.isMember && to.name !== 'onboarding' && memberRoutes.some((r) => r.name === to.name)) {
    const profiles = useProfileStore();
    try {
      await profiles.load();
    } catch {
      return true; // the screen itself shows the error
    }
    if (profiles.needsOnboarding) return { name: 'onboarding', query: { return: to.fullPath } };
  }
  return true;
});
