import { api } from './client';

export interface MemberProfile {
  id: string;
  subject: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  avatarUrl: string | null;
  locale: string | null;
  preferredStores: Record<string, string>;
  createdAt: string;
}

export interface ProfileChanges {
  displayName?: string;
  avatarUrl?: string;
  phone?: string;
  locale?: string;
  preferredStores?: Record<string, string | null>;
}

export interface Brand {
  id: string;
  name: string;
  slug: string;
  logoUrl: string | null;
  description: string | null;
  defaultLocale: string | null;
  timezone: string;
}

export interface Store {
  id: string;
  brandId: string;
  name: string;
  address: string | null;
  location: { lat: number; lon: number } | null;
  openingHours: string | null;
  timezone: string;
  status: string;
}

export interface Attribution {
  status: string;
  type: string | null;
  detail: string | null;
  depth: number | null;
}

export interface ClubMembership {
  brandId: string;
  memberNumber: number;
  status: 'ACTIVE' | 'LEFT';
  source: string;
  storeId: string | null;
  joinedAt: string;
  alreadyMember: boolean;
  referral: Attribution | null;
}

export interface MemberCard {
  brandId: string;
  brandName: string;
  memberNumber: number;
  joinedAt: string;
  tier: string | null;
  tierAvailable: boolean;
  qrPayload: string;
  qrSvgDataUrl: string;
}

export interface Invite {
  brandId: string;
  code: string;
  link: string;
  qrSvgDataUrl: string;
}

export interface Consent {
  brandId: string;
  granted: boolean;
  textVersion: string;
  channel: string;
  decidedAt: string;
}

export interface JoinRequest {
  source?: string;
  storeId?: string;
  inviteCode?: string;
}

const club = (brandId: string) => `/api/members/me/brands/${encodeURIComponent(brandId)}`;

export const members = {
  me: () => api<MemberProfile>('/api/members/me'),
  update: (changes: ProfileChanges) => api<MemberProfile>('/api/members/me', { method: 'PATCH', body: changes }),
  erase: () => api<void>('/api/members/me', { method: 'DELETE' }),
  exportData: () => api<unknown>('/api/members/me/export'),

  brands: () => api<Brand[]>('/api/brands'),
  brand: (brandId: string) => api<Brand>(`/api/brands/${encodeURIComponent(brandId)}`),
  stores: (brandId: string) => api<Store[]>(`/api/brands/${encodeURIComponent(brandId)}/stores`),

  membership: (brandId: string) => api<ClubMembership>(`${club(brandId)}/membership`),
  join: (brandId: string, request: JoinRequest) =>
    api<ClubMembership>(`${club(brandId)}/membership`, { method: 'POST', body: request }),
  leave: (brandId: string) => api<void>(`${club(brandId)}/membership`, { method: 'DELETE' }),
  card: (brandId: string) => api<MemberCard>(`${club(brandId)}/card`),
  invite: (brandId: string) => api<Invite>(`${club(brandId)}/invite`),

  consents: () => api<Consent[]>('/api/members/me/consents'),
  recordConsent: (brandId: string, granted: boolean, textVersion: string) =>
    api<Consent>(`/api/members/me/consents/${encodeURIComponent(brandId)}`, {
      method: 'POST',
      body: { granted, textVersion, channel: 'WEB' },
    }),
};
