import { api } from './client';

export type OfferType = 'DISCOUNT_COUPON' | 'GIFT' | 'POINTS_REWARD' | 'EVENT_EXCLUSIVE';

export interface MemberOffer {
  id: string;
  brandId: string;
  type: OfferType;
  title: string;
  description: string | null;
  imageUrl: string | null;
  validFrom: string;
  validUntil: string;
  redeemableStoreIds: string[];
  perMemberLimit: number;
  pointsPrice: number;
  started: boolean;
  soldOut: boolean;
}

export type CouponStatus = 'active' | 'used' | 'expired';

export interface Coupon {
  id: string;
  code: string;
  offerId: string;
  brandId: string;
  type: OfferType;
  title: string;
  status: string;
  issuedAt: string;
  expiresAt: string;
  redeemedAt: string | null;
  redeemedStoreId: string | null;
}

export interface QrToken {
  token: string;
  expiresAt: string;
}

export const offers = {
  eligible: (brandId: string) => api<MemberOffer[]>('/api/offers', { query: { brandId } }),
  one: (offerId: string) => api<MemberOffer>(`/api/offers/${encodeURIComponent(offerId)}`),
  claim: (offerId: string, idempotencyKey: string) =>
    api<Coupon>(`/api/offers/${encodeURIComponent(offerId)}/claims`, { method: 'POST', idempotencyKey }),
};

export const coupons = {
  mine: (status: CouponStatus) => api<Coupon[]>('/api/coupons/me', { query: { status } }),
  one: (couponId: string) => api<Coupon>(`/api/coupons/${encodeURIComponent(couponId)}`),
  qrToken: (couponId: string) => api<QrToken>(`/api/coupons/${encodeURIComponent(couponId)}/qr-token`),
};
