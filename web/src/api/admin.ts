import { api } from './client';
import type { Community, CommunityMembership } from './communities';
import type { EventInfo } from './events';
import type { OfferType } from './offers';

// What a brand admin reads and changes: analytics, referral ranking, events, offers, communities.
// The services check the role and the brand again; these types follow their response records.

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';
export type Health = 'SEEDING' | 'GROWING' | 'LIVELY' | 'CROWDED' | 'DECLINING';

export interface Point {
  t: string;
  v: number;
}

export interface Series {
  name: string;
  points: Point[];
}

export interface SpreadDepth {
  depth: number;
  shares: number;
  visits: number;
  joins: number;
}

export interface Spread {
  shares: number;
  visits: number;
  joins: number;
  visitsPerShare: number;
  visitToJoinRate: number;
  maxDepth: number;
  byDepth: SpreadDepth[];
}

export interface EventConversion {
  eventId: string;
  title: string;
  rsvps: number;
  checkIns: number;
  checkInRate: number;
}

export interface Retention {
  month: string;
  active: number;
  retainedNextMonth: number;
  rate: number;
}

export interface Kol {
  memberId: string;
  joins: number;
  attendances: number;
}

export interface CommunityHealth {
  communityId: string;
  name: string;
  members: number;
  activeLastWindow: number;
  activePreviousWindow: number;
  activityTrend: number;
  health: Health;
}

/** community-service's EngagementReport. */
export interface EngagementReport {
  brandId: string;
  communityId: string | null;
  timezone: string;
  from: string;
  to: string;
  granularity: Granularity;
  series: Series[];
  spread: Spread;
  events: EventConversion[];
  retention: Retention[];
  kols: Kol[];
  communities: CommunityHealth[];
}

export interface LeaderboardEntry {
  memberId: string;
  memberNumber: number | null;
  converted: number;
  spread: number;
  depth: number;
}

/** member-service's referral Leaderboard. */
export interface Leaderboard {
  brandId: string;
  members: number;
  convertedInvites: number;
  refereesCheckedIn: number;
  kFactor: number;
  maxChainDepth: number;
  top: LeaderboardEntry[];
}

export interface EventRequest {
  storeId: string;
  title: string;
  description?: string | null;
  startsAt: string;
  endsAt: string;
  checkInOpensAt: string;
  checkInClosesAt: string;
  capacity: number;
  communityId?: string | null;
  walkInsAllowed?: boolean;
  attendPoints?: number;
}

export interface Attendee {
  memberId: string;
  /** The member's display name, when community-service knows it (older versions send none). */
  memberName?: string | null;
  status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';
  waitlistPosition: number | null;
  walkIn: boolean;
  checkedInAt: string | null;
}

export type OfferStatus = 'ACTIVE' | 'PAUSED' | 'CLOSED';

export interface Eligibility {
  tiers: string[];
  facts: string[];
}

/** offer-service's AdminOffer. */
export interface AdminOffer {
  id: string;
  brandId: string;
  type: OfferType;
  title: string;
  description: string | null;
  imageUrl: string | null;
  validFrom: string;
  validUntil: string;
  redeemableStoreIds: string[];
  totalStock: number;
  remainingStock: number;
  perMemberLimit: number;
  pointsPrice: number;
  eligibility: Eligibility;
  status: OfferStatus;
  soldOut: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface OfferFields {
  title: string;
  description?: string | null;
  validFrom: string;
  validUntil: string;
  redeemableStoreIds: string[];
  totalStock: number;
  perMemberLimit: number;
  pointsPrice?: number;
  eligibility?: Eligibility;
}

export interface CreateOffer extends OfferFields {
  brandId: string;
  type: OfferType;
}

export type CommunityKind = 'CLUB' | 'INTEREST_CIRCLE' | 'CITY_CHAPTER' | 'CORE_GROUP';

export interface CreateCommunity {
  brandId: string;
  name: string;
  description?: string | null;
  kind: CommunityKind;
  joinPolicy: Community['joinPolicy'];
  sizeCap?: number | null;
}

const id = encodeURIComponent;

export const analytics = {
  brand: (brandId: string, query: { from?: string; to?: string; granularity: Granularity }) =>
    api<EngagementReport>(`/api/communities/analytics/brands/${id(brandId)}`, { query }),
  leaderboard: (brandId: string, limit = 10) =>
    api<Leaderboard>(`/api/brands/${id(brandId)}/referrals/leaderboard`, { query: { limit } }),
};

export const adminEvents = {
  upcoming: (brandId: string) => api<EventInfo[]>('/api/events', { query: { brandId } }),
  one: (eventId: string) => api<EventInfo>(`/api/events/${id(eventId)}`),
  create: (request: EventRequest) => api<EventInfo>('/api/events', { method: 'POST', body: request }),
  update: (eventId: string, request: EventRequest) =>
    api<EventInfo>(`/api/events/${id(eventId)}`, { method: 'PUT', body: request }),
  cancel: (eventId: string) => api<EventInfo>(`/api/events/${id(eventId)}/cancel`, { method: 'POST' }),
  attendees: (eventId: string) => api<Attendee[]>(`/api/events/${id(eventId)}/attendees`),
};

export const adminOffers = {
  managed: (brandId: string) => api<AdminOffer[]>('/api/offers/managed', { query: { brandId } }),
  one: (offerId: string) => api<AdminOffer>(`/api/offers/managed/${id(offerId)}`),
  create: (request: CreateOffer) => api<AdminOffer>('/api/offers', { method: 'POST', body: request }),
  edit: (offerId: string, changes: Partial<OfferFields>) =>
    api<AdminOffer>(`/api/offers/${id(offerId)}`, { method: 'PATCH', body: changes }),
  pause: (offerId: string) => api<AdminOffer>(`/api/offers/${id(offerId)}/pause`, { method: 'POST' }),
  resume: (offerId: string) => api<AdminOffer>(`/api/offers/${id(offerId)}/resume`, { method: 'POST' }),
  close: (offerId: string) => api<AdminOffer>(`/api/offers/${id(offerId)}/close`, { method: 'POST' }),
};

export const adminCommunities = {
  ofBrand: (brandId: string) => api<Community[]>('/api/communities', { query: { brandId } }),
  create: (request: CreateCommunity) => api<Community>('/api/communities', { method: 'POST', body: request }),
  requests: (communityId: string) => api<CommunityMembership[]>(`/api/communities/${id(communityId)}/requests`),
  approve: (communityId: string, memberId: string) =>
    api<CommunityMembership>(`/api/communities/${id(communityId)}/requests/${id(memberId)}/approve`, { method: 'POST' }),
  reject: (communityId: string, memberId: string, reason?: string) =>
    api<CommunityMembership>(`/api/communities/${id(communityId)}/requests/${id(memberId)}/reject`, {
      method: 'POST',
      body: { reason: reason ?? null },
    }),
};
