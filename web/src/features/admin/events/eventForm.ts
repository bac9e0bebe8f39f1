import type { EventRequest } from '@/api/admin';
import type { EventInfo } from '@/api/events';
import { instantToLocal, localToInstant } from '../zonedTime';

/** The event form as typed: wall-clock times ("2026-12-01T19:30") in the store's zone. */
export interface EventForm {
  storeId: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  /** Empty: 30 minutes before the start. */
  checkInOpensAt: string;
  /** Empty: at the end. */
  checkInClosesAt: string;
  capacity: number;
  walkInsAllowed: boolean;
  communityId: string;
  attendPoints: number;
}

export function emptyEventForm(storeId = ''): EventForm {
  return {
    storeId,
    title: '',
    description: '',
    startsAt: '',
    endsAt: '',
    checkInOpensAt: '',
    checkInClosesAt: '',
    capacity: 30,
    walkInsAllowed: true,
    communityId: '',
    attendPoints: 0,
  };
}

export function eventToForm(event: EventInfo, timeZone: string): EventForm {
  return {
    storeId: event.storeId,
    title: event.title,
    description: event.description ?? '',
    startsAt: instantToLocal(event.startsAt, timeZone),
    endsAt: instantToLocal(event.endsAt, timeZone),
    checkInOpensAt: instantToLocal(event.checkInOpensAt, timeZone),
    checkInClosesAt: instantToLocal(event.checkInClosesAt, timeZone),
    capacity: event.capacity,
    walkInsAllowed: event.walkInsAllowed,
    communityId: event.communityId ?? '',
    attendPoints: event.attendPoints,
  };
}

/** Which fields are wrong before asking the server (message keys); the server checks again. */
export function eventFormErrors(form: EventForm): Partial<Record<keyof EventForm, string>> {
  const errors: Partial<Record<keyof EventForm, string>> = {};
  if (!form.storeId) errors.storeId = 'admin.form.required';
  if (!form.title.trim()) errors.title = 'admin.form.required';
  if (!form.startsAt) errors.startsAt = 'admin.form.required';
  if (!form.endsAt) errors.endsAt = 'admin.form.required';
  else if (form.startsAt && form.endsAt <= form.startsAt) errors.endsAt = 'admin.events.endAfterStart';
  if (!(form.capacity >= 1)) errors.capacity = 'admin.form.atLeastOne';
  return errors;
}

export function formToEventRequest(form: EventForm, timeZone: string): EventRequest {
  const startsAt = localToInstant(form.startsAt, timeZone);
  const endsAt = localToInstant(form.endsAt, timeZone);
  const opens = form.checkInOpensAt
    ? localToInstant(form.checkInOpensAt, timeZone)
    : new Date(Date.parse(startsAt) - 30 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    storeId: form.storeId,
    title: form.title.trim(),
    description: form.description.trim() || null,
    startsAt,
    endsAt,
    checkInOpensAt: opens,
    checkInClosesAt: form.checkInClosesAt ? localToInstant(form.checkInClosesAt, timeZone) : endsAt,
    capacity: Number(form.capacity),
    communityId: form.communityId || null,
    walkInsAllowed: form.walkInsAllowed,
    attendPoints: Number(form.attendPoints) || 0,
  };
}
