import { describe, expect, it } from 'vitest';
import type { Community } from '@/api/communities';
import { editChanges, editForm, memberLabel } from './communityEdit';

const community = (overrides: Partial<Community> = {}): Community => ({
  id: 'c1', brandId: 'b', name: 'Runners', description: 'Tuesdays', kind: 'CLUB', joinPolicy: 'OPEN', tags: [],
  coverImageUrl: null, sizeCap: 50, memberCount: 12, createdAt: '2026-11-01T00:00:00Z', ...overrides,
});

describe('editChanges', () => {
  it('sends only what changed', () => {
    const c = community();
    expect(editChanges(c, editForm(c))).toEqual({ changes: {} });
    expect(editChanges(c, { ...editForm(c), name: ' Night runners ', sizeCap: 20 })).toEqual({ changes: { name: 'Night runners', sizeCap: 20 } });
    expect(editChanges(c, { ...editForm(c), joinPolicy: 'APPROVAL_REQUIRED', description: '' })).toEqual({
      changes: { joinPolicy: 'APPROVAL_REQUIRED', description: '' },
    });
  });

  it('clears the cap when the field is emptied', () => {
    expect(editChanges(community(), { ...editForm(community()), sizeCap: '' })).toEqual({ changes: { clearSizeCap: true } });
    expect(editChanges(community({ sizeCap: null }), editForm(community({ sizeCap: null })))).toEqual({ changes: {} });
  });

  it('refuses a blank name, a cap below the active members and a core group that is not invitation-only', () => {
    const c = community();
    expect(editChanges(c, { ...editForm(c), name: '  ' })).toEqual({ problem: 'nameRequired' });
    expect(editChanges(c, { ...editForm(c), sizeCap: 11 })).toEqual({ problem: 'capTooLow' });
    expect(editChanges(c, { ...editForm(c), sizeCap: 0 })).toEqual({ problem: 'capInvalid' });
    const core = community({ kind: 'CORE_GROUP', joinPolicy: 'INVITE_ONLY' });
    expect(editChanges(core, { ...editForm(core), joinPolicy: 'OPEN' })).toEqual({ problem: 'coreInviteOnly' });
  });
});

describe('memberLabel', () => {
  it('shows the name, else a short id', () => {
    expect(memberLabel({ memberName: 'Alice', memberId: 'abc' }, 'Former member')).toBe('Alice');
    expect(memberLabel({ memberName: null, memberId: '1234567890abc' }, 'Former member')).toBe('#12345678');
    expect(memberLabel({ memberName: null, memberId: 'erased-1234' }, 'Former member')).toBe('Former member');
  });
});
