import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { members, type MemberProfile, type ProfileChanges } from '@/api/members';

/** The member's own profile, loaded once and kept in step with every change. */
export const useProfileStore = defineStore('profile', () => {
  const profile = ref<MemberProfile | null>(null);

  async function load(force = false): Promise<MemberProfile> {
    if (!profile.value || force) profile.value = await members.me();
    return profile.value;
  }

  async function update(changes: ProfileChanges): Promise<MemberProfile> {
    profile.value = await members.update(changes);
    return profile.value;
  }

  /** A first-time member has not been through the onboarding yet, which always records a language. */
  const needsOnboarding = computed(() => profile.value !== null && !profile.value.locale);

  return { profile, load, update, needsOnboarding };
});
