import { api } from './client';

export type RsvpState = 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';

export interface EventInfo {
  id: string;
  brandId: string;
  storeId: string;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  checkInOpensAt: string;
  checkInClosesAt: string;
  capacity: number;
  seatsTaken: number;
  communityId: string | null;
  walkInsAllowed: boolean;
  attendPoints: number;
  status: string;
}

export interface MyEvent {
  event: EventInfo;
  rsvp: RsvpState;
  waitlistPosition: number | null;
  checkedInAt: string | null;
}

export interface Rsvp {
  eventId: string;
  status: RsvpState;
  waitlistPosition: number | null;
}

export interface CheckInToken {
  token: string;
  expiresAt: string;
  refreshInSeconds: number;
}

const event = (eventId: string) => `/api/events/${encodeURIComponent(eventId)}`;

export const events = {
  upcoming: (brandId: string) => api<EventInfo[]>('/api/events', { query: { brandId } }),
  mine: () => api<MyEvent[]>('/api/events/me'),
  one: (eventId: string) => api<EventInfo>(event(eventId)),
  rsvp: (eventId: string) => api<Rsvp>(`${event(eventId)}/rsvp`, { method: 'POST' }),
  cancelRsvp: (eventId: string) => api<void>(`${event(eventId)}/rsvp`, { method: 'DELETE' }),
  checkInToken: (eventId: string) => api<CheckInToken>(`${event(eventId)}/checkin-token`),
};
