// A member is shown by name where one is known, else by a short id. A member who deleted their
// account is stored under a pseudonym (`erased-{uuid}`, platform's MemberDataStore) and has no name
// any more: they are "former member", not a string of letters that looks like somebody.
export const ERASED_PREFIX = 'erased-';

export function shortMemberId(memberId: string, formerMember: string): string {
  return memberId.startsWith(ERASED_PREFIX) ? formerMember : `#${memberId.slice(0, 8)}`;
}
