import type { JoinSource, MemberFilter } from '@/api/adminBrand';

export const JOIN_SOURCES: JoinSource[] = ['ORGANIC', 'REFERRAL', 'IN_STORE_QR', 'EVENT'];

/** The member list's filters as typed in the form (all strings, '' = not set). */
export interface MemberFilterForm {
  q: string;
  source: JoinSource | '';
  storeId: string;
  joinedFrom: string;
  joinedTo: string;
}

export const emptyMemberFilter = (): MemberFilterForm => ({ q: '', source: '', storeId: '', joinedFrom: '', joinedTo: '' });

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A message key when the filters cannot be sent as they are (member-service would answer 400). */
export function memberFilterError(form: MemberFilterForm): string | null {
  if (form.q.trim().length > 80) return 'admin.members.qTooLong';
  if ((form.joinedFrom && !DAY.test(form.joinedFrom)) || (form.joinedTo && !DAY.test(form.joinedTo))) return 'admin.members.badDate';
  if (form.joinedFrom && form.joinedTo && form.joinedTo < form.joinedFrom) return 'admin.members.toBeforeFrom';
  return null;
}

/** The query member-service reads: only the filters that are set, the search text trimmed. */
export function toMemberQuery(form: MemberFilterForm): MemberFilter {
  const query: MemberFilter = {};
  if (form.q.trim()) query.q = form.q.trim();
  if (form.source) query.source = form.source;
  if (form.storeId) query.storeId = form.storeId;
  if (form.joinedFrom) query.joinedFrom = form.joinedFrom;
  if (form.joinedTo) query.joinedTo = form.joinedTo;
  return query;
}

/** The filters as URL query (so a filtered list can be reloaded, shared and returned to). */
export function filterFromRoute(query: Record<string, unknown>): MemberFilterForm {
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');
  const source = text('source');
  return {
    q: text('q'),
    source: (JOIN_SOURCES as string[]).includes(source) ? (source as JoinSource) : '',
    storeId: text('storeId'),
    joinedFrom: text('joinedFrom'),
    joinedTo: text('joinedTo'),
  };
}

/** "No. 1024 · Ada" — members are shown by number and name, never by their id. */
export function memberLabel(memberNumber: number, displayName: string | null | undefined, unnamed: string): string {
  const name = displayName?.trim() || unnamed;
  return `No. ${memberNumber} · ${name}`;
}
