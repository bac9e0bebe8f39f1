import { api } from './client';
import type { Community, MembershipStatus } from './communities';

// Running a brand's communities (admin mode): edit, member list, moderation queue, share chains.
// community-service checks the role and the brand again; these types follow its response records.

export type CommunityRole = 'LEADER' | 'MODERATOR' | 'MEMBER';

export interface CommunityEdit {
  name?: string;
  description?: string;
  joinPolicy?: Community['joinPolicy'];
  sizeCap?: number;
  clearSizeCap?: boolean;
}

/** community-service's CommunityMemberList.Entry. */
export interface CommunityMember {
  memberId: string;
  memberName: string | null;
  status: MembershipStatus;
  role: CommunityRole;
  application: string | null;
  decisionReason: string | null;
  invitedBy: string | null;
  requestedAt: string | null;
  joinedAt: string | null;
  updatedAt: string | null;
  viaShare: boolean;
}

export interface CommunityMemberPage {
  items: CommunityMember[];
  nextCursor: string | null;
}

/** community-service's ReportedPost. */
export interface ReportedPost {
  postId: string;
  communityId: string;
  communityName: string | null;
  authorId: string;
  authorName: string | null;
  text: string;
  imageCount: number;
  createdAt: string;
  reportCount: number;
  reasons: { reason: string; count: number }[];
  lastReportedAt: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  hiddenAt: string | null;
}

/** One member in a share chain (level 0 = the chain's first sharer). */
export interface ChainNode {
  memberId: string;
  name: string | null;
  level: number;
  shares: number;
  visited: boolean;
  joined: boolean;
  size: number;
  children: ChainNode[];
}

/** community-service's ShareChainReport. */
export interface ShareChainReport {
  brandId: string;
  timezone: string;
  from: string;
  to: string;
  limit: number;
  chainCount: number;
  truncated: boolean;
  sharers: number;
  shares: number;
  visits: number;
  joins: number;
  kFactor: number;
  maxLevel: number;
  chains: ChainNode[];
}

/** member-service's MemberListResponse.Item (the brand admin's member search). */
export interface BrandMember {
  memberId: string;
  memberNumber: number;
  displayName: string | null;
  status: string;
  joinedAt: string | null;
}

const id = encodeURIComponent;
const community = (communityId: string) => `/api/communities/${id(communityId)}`;

export const communityAdmin = {
  one: (communityId: string) => api<Community>(community(communityId)),
  edit: (communityId: string, edit: CommunityEdit) =>
    api<Community>(community(communityId), { method: 'PATCH', body: edit }),
  members: (
    communityId: string,
    query: { status?: MembershipStatus; role?: CommunityRole; cursor?: string; limit?: number } = {},
  ) => api<CommunityMemberPage>(`${community(communityId)}/members`, { query }),
  appoint: (communityId: string, memberId: string, role: CommunityRole) =>
    api<unknown>(`${community(communityId)}/members/${id(memberId)}/role`, { method: 'PUT', body: { role } }),
  invite: (communityId: string, memberId: string) =>
    api<unknown>(`${community(communityId)}/invitations`, { method: 'POST', body: { memberId } }),
  remove: (communityId: string, memberId: string, reason?: string) =>
    api<unknown>(`${community(communityId)}/members/${id(memberId)}/remove`, { method: 'POST', body: { reason: reason ?? null } }),
  ban: (communityId: string, memberId: string, reason?: string) =>
    api<unknown>(`${community(communityId)}/members/${id(memberId)}/ban`, { method: 'POST', body: { reason: reason ?? null } }),
  reports: (brandId: string, hidden?: boolean) =>
    api<ReportedPost[]>(`/api/communities/moderation/brands/${id(brandId)}/reports`, {
      query: hidden === undefined ? {} : { hidden },
    }),
  hide: (postId: string, reason?: string) =>
    api<unknown>(`/api/communities/posts/${id(postId)}/hide`, { method: 'POST', body: { reason: reason ?? null } }),
  restore: (postId: string) => api<unknown>(`/api/communities/posts/${id(postId)}/restore`, { method: 'POST' }),
  shareChains: (brandId: string, query: { from?: string; to?: string; limit?: number }) =>
    api<ShareChainReport>(`/api/communities/analytics/brands/${id(brandId)}/share-chains`, { query }),
  searchMembers: (brandId: string, q: string) =>
    api<{ items: BrandMember[]; nextCursor: string | null }>(`/api/brands/${id(brandId)}/members`, { query: { q, limit: 10 } }),
};
