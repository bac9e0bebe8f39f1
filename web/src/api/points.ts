import { api } from './client';

export interface MyPoints {
  memberId: string;
  brandId: string;
  balance: number;
  lifetimeEarned: number;
  earnedInWindow: number;
  windowMonths: number;
  tier: { name: string; since: string | null; reviewAt: string | null; downgradeDueAt: string | null } | null;
  nextTier: { name: string; threshold: number; pointsNeeded: number } | null;
  expiringSoon: { points: number; before: string } | null;
}

export interface PointsEntry {
  entryId: string;
  type: string;
  activity: string | null;
  reason: string | null;
  points: number;
  sourceRef: string | null;
  createdAt: string;
  expiresAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TierStatus {
  tier: string;
  since: string | null;
  reviewAt: string | null;
  downgradeDueAt: string | null;
  history: { tier: string; previousTier: string | null; at: string; reason: string; earnedInWindow: number }[];
}

export const points = {
  mine: (brandId: string) => api<MyPoints>('/api/points/me', { query: { brandId } }),
  history: (brandId: string, cursor?: string | null, limit = 20) =>
    api<Page<PointsEntry>>('/api/points/me/history', { query: { brandId, cursor, limit } }),
  tierHistory: (brandId: string) => api<TierStatus>('/api/points/me/tier-history', { query: { brandId } }),
};
