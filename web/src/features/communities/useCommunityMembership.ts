import { ref } from 'vue';
import { ApiProblem } from '@/api/client';
import { communities, type CommunityMembership } from '@/api/communities';

/** The member's own standing in one community; null when they have none (never applied or invited). */
export function useCommunityMembership(communityId: () => string) {
  const membership = ref<CommunityMembership | null>(null);
  async function refresh(): Promise<CommunityMembership | null> {
    try {
      membership.value = await communities.membership(communityId());
    } catch (failure) {
      if (!(failure instanceof ApiProblem && failure.status === 404)) throw failure;
      membership.value = null;
    }
    return membership.value;
  }
  return { membership, refresh };
}
