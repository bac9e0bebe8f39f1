// The few endpoints a person without a session may call: previews for invite and share links.
import { api } from './client';

export interface InvitePreview {
  code: string;
  brand: { id: string; name: string; logoUrl: string | null; description: string | null };
  inviterDisplayName: string | null;
}

export interface SharePreview {
  code: string;
  community: { id: string; name: string; description: string | null; kind: string; brandId: string };
  post: { id: string; text: string; imageUrls: string[]; createdAt: string; authorName: string | null } | null;
  sharerName: string | null;
  depth: number;
}

export const publicPages = {
  invite: (code: string) => api<InvitePreview>(`/api/public/invites/${encodeURIComponent(code)}`, { public: true }),
  share: (code: string) => api<SharePreview>(`/api/public/shares/${encodeURIComponent(code)}`, { public: true }),
};
