import { api } from './client';
import type { Page } from './points';

export type MembershipStatus = 'ACTIVE' | 'PENDING' | 'INVITED' | 'REJECTED' | 'REMOVED' | 'BANNED' | 'LEFT';

export interface Community {
  id: string;
  brandId: string;
  name: string;
  description: string | null;
  kind: string;
  joinPolicy: 'OPEN' | 'APPROVAL_REQUIRED' | 'INVITE_ONLY';
  tags: string[];
  coverImageUrl: string | null;
  sizeCap: number | null;
  memberCount: number;
  createdAt: string;
}

export interface CommunityMembership {
  communityId: string;
  memberId: string;
  status: MembershipStatus;
  role: 'LEADER' | 'MODERATOR' | 'MEMBER';
  application: string | null;
  decisionReason: string | null;
  requestedAt: string | null;
  joinedAt: string | null;
}

export interface Post {
  id: string;
  communityId: string;
  authorId: string;
  authorName?: string | null;
  text: string;
  imageUrls: string[];
  createdAt: string;
  likeCount: number;
  commentCount: number;
  shareCount: number;
}

export interface Comment {
  id: string;
  postId: string;
  authorId: string;
  authorName?: string | null;
  text: string;
  createdAt: string;
}

export interface ShareLink {
  code: string;
  url: string;
  postId: string;
  depth: number;
}

export interface ShareLanding {
  code: string;
  sharerId: string;
  sharerName?: string | null;
  depth: number;
  community: Community;
  post: { id: string; text: string } | null;
}

const community = (id: string) => `/api/communities/${encodeURIComponent(id)}`;
const post = (id: string) => `/api/communities/posts/${encodeURIComponent(id)}`;

export const communities = {
  ofBrand: (brandId: string) => api<Community[]>('/api/communities', { query: { brandId } }),
  one: (id: string) => api<Community>(community(id)),
  membership: (id: string) => api<CommunityMembership>(`${community(id)}/membership`),
  join: (id: string, application?: string) =>
    api<CommunityMembership>(`${community(id)}/join`, { method: 'POST', body: application ? { application } : {} }),
  acceptInvitation: (id: string) =>
    api<CommunityMembership>(`${community(id)}/invitation/accept`, { method: 'POST' }),
  leave: (id: string) => api<void>(`${community(id)}/membership`, { method: 'DELETE' }),

  feed: (id: string, cursor?: string | null, limit = 20) =>
    api<Page<Post>>(`${community(id)}/posts`, { query: { cursor, limit } }),
  write: (id: string, text: string) => api<Post>(`${community(id)}/posts`, { method: 'POST', body: { text } }),
  post: (postId: string) => api<Post>(post(postId)),
  comments: (postId: string, cursor?: string | null) =>
    api<Page<Comment>>(`${post(postId)}/comments`, { query: { cursor, limit: 20 } }),
  comment: (postId: string, text: string) =>
    api<Comment>(`${post(postId)}/comments`, { method: 'POST', body: { text } }),
  like: (postId: string) => api<{ liked: boolean; likeCount: number }>(`${post(postId)}/like`, { method: 'PUT' }),
  unlike: (postId: string) =>
    api<{ liked: boolean; likeCount: number }>(`${post(postId)}/like`, { method: 'DELETE' }),
  report: (postId: string, reason: string) =>
    api<unknown>(`${post(postId)}/reports`, { method: 'POST', body: { reason } }),
  share: (postId: string) => api<ShareLink>(`${post(postId)}/shares`, { method: 'POST' }),
  openShare: (code: string) => api<ShareLanding>(`/api/communities/shares/${encodeURIComponent(code)}`),
};
