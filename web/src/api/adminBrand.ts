import { api, withQuery } from './client';
import type { Granularity } from './admin';
import type { Brand, Store } from './members';
import type { MyPoints, Page, PointsEntry } from './points';

// A brand admin's brand, stores, loyalty rules and members, and an offer's claim statistics.
// The services check the role and the brand again; these types follow their request and response records.

export interface BrandRequest {
  name: string;
  slug: string;
  logoUrl: string | null;
  description: string | null;
  defaultLocale: string;
  timezone: string;
}

export type StoreStatus = 'OPEN' | 'CLOSED';

export interface StoreRequest {
  name: string;
  address: string;
  location: { lat: number; lon: number };
  openingHours: string | null;
  timezone: string;
  status: StoreStatus;
}

export type Activity = 'CLUB_JOIN' | 'CHECK_IN' | 'FIRST_POST' | 'REFERRAL_REFERRER' | 'REFERRAL_REFEREE';

export interface TierRule {
  name: string;
  threshold: number;
  multiplier: number;
}

/** offer-service's earning rules (GET/PUT /api/points/brands/{brandId}/settings). */
export interface LoyaltySettings {
  activityPoints: Record<Activity, number>;
  pointsPerCurrencyUnit: number;
  currency: string;
  expiryMonths: number;
  tierWindowMonths: number;
  tierGraceDays: number;
  tiers: TierRule[];
}

export interface LoyaltySettingsResponse extends LoyaltySettings {
  brandId: string;
  custom: boolean;
}

export interface Adjustment {
  memberId: string;
  points: number;
  reason: string;
  idempotencyKey: string;
}

export interface AdjustmentResult {
  entryId: string;
  memberId: string;
  brandId: string;
  points: number;
  balance: number;
  reason: string;
  adjustedBy: string;
  duplicate: boolean;
}

export type JoinSource = 'ORGANIC' | 'REFERRAL' | 'IN_STORE_QR' | 'EVENT';

/** member-service's MemberListResponse.Item. */
export interface MemberRow {
  memberId: string;
  memberNumber: number;
  displayName: string | null;
  status: 'ACTIVE' | 'LEFT';
  source: JoinSource;
  storeId: string | null;
  joinedAt: string;
}

export interface MemberFilter {
  q?: string;
  source?: JoinSource | '';
  storeId?: string;
  joinedFrom?: string;
  joinedTo?: string;
}

/** community-service's MemberCommunity. */
export interface MemberCommunity {
  communityId: string;
  name: string | null;
  kind: string | null;
  status: string;
  role: string | null;
  requestedAt: string | null;
  joinedAt: string | null;
}

/** offer-service's OfferStats.Report: claims (coupons issued) and redemptions per period. */
export interface OfferStatsReport {
  offerId: string;
  brandId: string;
  timezone: string;
  from: string;
  to: string;
  granularity: Granularity;
  claims: number;
  redemptions: number;
  buckets: { start: string; claims: number; redemptions: number }[];
  stores: { storeId: string; redemptions: number }[];
}

const id = encodeURIComponent;

export const brandAdmin = {
  saveBrand: (brandId: string, request: BrandRequest) =>
    api<Brand>(`/api/brands/${id(brandId)}`, { method: 'PUT', body: request }),
  saveStore: (brandId: string, storeId: string, request: StoreRequest) =>
    api<Store>(`/api/brands/${id(brandId)}/stores/${id(storeId)}`, { method: 'PUT', body: request }),
};

export const loyalty = {
  settings: (brandId: string) => api<LoyaltySettingsResponse>(`/api/points/brands/${id(brandId)}/settings`),
  save: (brandId: string, settings: LoyaltySettings) =>
    api<LoyaltySettingsResponse>(`/api/points/brands/${id(brandId)}/settings`, { method: 'PUT', body: settings }),
  adjust: (brandId: string, adjustment: Adjustment) =>
    api<AdjustmentResult>(`/api/points/brands/${id(brandId)}/adjustments`, { method: 'POST', body: adjustment }),
  member: (brandId: string, memberId: string) =>
    api<MyPoints>(`/api/points/brands/${id(brandId)}/members/${id(memberId)}`),
  history: (brandId: string, memberId: string, cursor?: string | null, limit = 10) =>
    api<Page<PointsEntry>>(`/api/points/brands/${id(brandId)}/members/${id(memberId)}/history`, {
      query: { cursor, limit },
    }),
};

export const brandMembers = {
  list: (brandId: string, filter: MemberFilter, after?: string | null, limit = 50) =>
    api<Page<MemberRow>>(`/api/brands/${id(brandId)}/members`, { query: { ...filter, after, limit } }),
  /** The CSV export is a file: the browser fetches it with the session cookie, no token involved. */
  exportUrl: (brandId: string, filter: Pick<MemberFilter, 'source' | 'storeId'>) =>
    withQuery(`/api/brands/${id(brandId)}/members/export`, { source: filter.source, storeId: filter.storeId }),
  communities: (brandId: string, memberId: string) =>
    api<MemberCommunity[]>(`/api/communities/brands/${id(brandId)}/members/${id(memberId)}/memberships`),
};

export const offerStats = {
  of: (offerId: string, query: { from?: string; to?: string; granularity?: Granularity; timezone: string }) =>
    api<OfferStatsReport>(`/api/offers/managed/${id(offerId)}/stats`, { query }),
};
