import type { Community } from '@/api/communities';
import { shortMemberId } from '../memberIds';
import type { CommunityEdit } from '@/api/communityAdmin';

export interface EditForm {
  name: string;
  description: string;
  joinPolicy: Community['joinPolicy'];
  sizeCap: number | '';
}

export const editForm = (c: Community): EditForm => ({
  name: c.name,
  description: c.description ?? '',
  joinPolicy: c.joinPolicy,
  sizeCap: c.sizeCap ?? '',
});

/** What the form's checks found, as message keys under admin.communityEdit (empty: fine). */
export type EditProblem = 'nameRequired' | 'capTooLow' | 'capInvalid' | 'coreInviteOnly';

/**
 * The PATCH body for what changed (only changed fields; an emptied cap clears it), or the first problem. The
 * service checks the same again (a core group stays invitation-only; the cap never drops below active members).
 */
export function editChanges(c: Community, form: EditForm): { changes: CommunityEdit } | { problem: EditProblem } {
  const name = form.name.trim();
  if (!name) return { problem: 'nameRequired' };
  if (form.sizeCap !== '' && (!Number.isInteger(form.sizeCap) || form.sizeCap < 1)) return { problem: 'capInvalid' };
  if (form.sizeCap !== '' && form.sizeCap < c.memberCount) return { problem: 'capTooLow' };
  if (c.kind === 'CORE_GROUP' && form.joinPolicy !== 'INVITE_ONLY') return { problem: 'coreInviteOnly' };
  const changes: CommunityEdit = {};
  if (name !== c.name) changes.name = name;
  if (form.description.trim() !== (c.description ?? '')) changes.description = form.description.trim();
  if (form.joinPolicy !== c.joinPolicy) changes.joinPolicy = form.joinPolicy;
  if (form.sizeCap === '' && c.sizeCap !== null) changes.clearSizeCap = true;
  if (form.sizeCap !== '' && form.sizeCap !== c.sizeCap) changes.sizeCap = form.sizeCap;
  return { changes };
}

/** A member's name, else a short form of their id. */
export const memberLabel = (m: { memberName?: string | null; memberId: string }, formerMember: string) =>
  m.memberName || shortMemberId(m.memberId, formerMember);
