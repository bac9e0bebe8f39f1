import { describe, expect, it } from 'vitest';
import { shortMemberId } from './memberIds';

describe('shortMemberId', () => {
  it('shortens an id and names an erased member as a former member', () => {
    expect(shortMemberId('1234567890abcdef', 'Former member')).toBe('#12345678');
    expect(shortMemberId('erased-6f1c2d3e-aaaa-bbbb-cccc-000000000000', 'Former member')).toBe('Former member');
  });
});
