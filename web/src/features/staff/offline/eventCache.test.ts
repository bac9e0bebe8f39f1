import { describe, expect, it } from 'vitest';
import { rememberEvents, storeOfEvent } from './eventCache';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('the events this device knows, for offline "any event" scans', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('remembers which store each event is at, merging later lists and dropping long-ended events', () => {
    const storage = memoryStorage();
    rememberEvents([{ id: 'a', storeId: 's1', endsAt: '2026-12-01T14:00:00Z' }, { id: 'old', storeId: 's1', endsAt: '2026-11-20T14:00:00Z' }], storage, now);
    rememberEvents([{ id: 'b', storeId: 's2', endsAt: '2026-12-02T14:00:00Z' }], storage, now);
    expect(storeOfEvent('a', storage)).toBe('s1');
    expect(storeOfEvent('b', storage)).toBe('s2');
    expect(storeOfEvent('old', storage)).toBeUndefined();
    expect(storeOfEvent('never', storage)).toBeUndefined();
  });

  it('survives a corrupt entry', () => {
    const storage = memoryStorage();
    storage.setItem('quanzi.staff.eventStores', '{not json');
    expect(storeOfEvent('a', storage)).toBeUndefined();
    rememberEvents([{ id: 'a', storeId: 's1', endsAt: '2026-12-01T14:00:00Z' }], storage, now);
    expect(storeOfEvent('a', storage)).toBe('s1');
  });
});
