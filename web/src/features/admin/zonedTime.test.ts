import { describe, expect, it } from 'vitest';
import { instantToLocal, lastDays, localToInstant } from './zonedTime';

describe('zoned wall-clock times', () => {
  it('turns a store-local time into the instant and back', () => {
    expect(localToInstant('2026-12-01T19:30', 'Asia/Shanghai')).toBe('2026-12-01T11:30:00Z');
    expect(instantToLocal('2026-12-01T11:30:00Z', 'Asia/Shanghai')).toBe('2026-12-01T19:30');
    expect(localToInstant('2026-07-01T09:00', 'Europe/Madrid')).toBe('2026-07-01T07:00:00Z');
    expect(localToInstant('2026-12-01T09:00', 'Europe/Madrid')).toBe('2026-12-01T08:00:00Z');
  });

  it('gives the last n days as dates in the zone', () => {
    // 2026-12-01 20:00 UTC is already 2 December in Shanghai.
    expect(lastDays(30, 'Asia/Shanghai', new Date('2026-12-01T20:00:00Z'))).toEqual({ from: '2026-11-03', to: '2026-12-02' });
    expect(lastDays(1, 'UTC', new Date('2026-12-01T20:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });
});
