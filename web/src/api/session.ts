import { api } from './client';

/** Who is signed in, as the gateway knows it from the session (no token ever leaves the server). */
export interface SessionInfo {
  authenticated: boolean;
  subject?: string;
  name?: string;
  username?: string;
  email?: string;
  roles: string[];
  brandIds: string[];
  storeIds: string[];
}

export const sessionApi = {
  current: () => api<SessionInfo>('/session'),
};
