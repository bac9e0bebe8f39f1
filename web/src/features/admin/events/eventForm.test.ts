import { describe, expect, it } from 'vitest';
import { emptyEventForm, eventFormErrors, eventToForm, formToEventRequest } from './eventForm';

describe('the event form', () => {
  const form = { ...emptyEventForm('store-1'), title: ' Tasting ', startsAt: '2026-12-05T19:00', endsAt: '2026-12-05T21:00' };

  it('sends times as instants of the store zone, with a default check-in window', () => {
    const request = formToEventRequest(form, 'Asia/Shanghai');
    expect(request).toMatchObject({
      storeId: 'store-1',
      title: 'Tasting',
      description: null,
      startsAt: '2026-12-05T11:00:00Z',
      endsAt: '2026-12-05T13:00:00Z',
      checkInOpensAt: '2026-12-05T10:30:00Z',
      checkInClosesAt: '2026-12-05T13:00:00Z',
      communityId: null,
    });
  });

  it('shows an event in the store zone again', () => {
    const back = eventToForm(
      { id: 'e', brandId: 'b', status: 'SCHEDULED', seatsTaken: 0, ...formToEventRequest(form, 'Europe/Madrid'), description: null, communityId: null, walkInsAllowed: true, attendPoints: 0 },
      'Europe/Madrid',
    );
    expect(back.startsAt).toBe('2026-12-05T19:00');
    expect(back.checkInOpensAt).toBe('2026-12-05T18:30');
  });

  it('catches a missing title and an end before the start', () => {
    expect(eventFormErrors({ ...form, title: '', endsAt: '2026-12-05T18:00' })).toEqual({ title: 'admin.form.required', endsAt: 'admin.events.endAfterStart' });
    expect(eventFormErrors(form)).toEqual({});
  });
});
