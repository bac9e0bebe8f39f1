import { describe, expect, it } from 'vitest';
import { emptyMemberFilter, filterFromRoute, memberFilterError, memberLabel, toMemberQuery } from './memberFilter';

describe('member list filters', () => {
  it('sends only the filters that are set, the search trimmed', () => {
    expect(toMemberQuery(emptyMemberFilter())).toEqual({});
    expect(toMemberQuery({ q: ' Ada ', source: 'IN_STORE_QR', storeId: 's1', joinedFrom: '2026-11-01', joinedTo: '' })).toEqual({
      q: 'Ada',
      source: 'IN_STORE_QR',
      storeId: 's1',
      joinedFrom: '2026-11-01',
    });
  });

  it('refuses a range that ends before it starts, a bad date and too long a search', () => {
    expect(memberFilterError({ ...emptyMemberFilter(), joinedFrom: '2026-11-02', joinedTo: '2026-11-01' })).toBe('admin.members.toBeforeFrom');
    expect(memberFilterError({ ...emptyMemberFilter(), joinedFrom: '11/02/2026' })).toBe('admin.members.badDate');
    expect(memberFilterError({ ...emptyMemberFilter(), q: 'x'.repeat(81) })).toBe('admin.members.qTooLong');
    expect(memberFilterError({ ...emptyMemberFilter(), joinedFrom: '2026-11-01', joinedTo: '2026-11-01' })).toBeNull();
  });

  it('reads the filters back from the URL and drops an unknown source', () => {
    expect(filterFromRoute({ q: '12', source: 'EVENT', storeId: 's', joinedFrom: '2026-01-01', extra: 'x' })).toEqual({
      q: '12',
      source: 'EVENT',
      storeId: 's',
      joinedFrom: '2026-01-01',
      joinedTo: '',
    });
    expect(filterFromRoute({ source: 'HACK', q: ['a'] }).source).toBe('');
  });

  it('labels a member by number and name', () => {
    expect(memberLabel(1024, 'Ada', '—')).toBe('No. 1024 · Ada');
    expect(memberLabel(7, '  ', '(no name)')).toBe('No. 7 · (no name)');
  });
});
