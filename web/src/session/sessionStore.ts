import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { sessionApi, type SessionInfo } from '@/api/session';
import { loginUrl } from '@/api/client';

const ANONYMOUS: SessionInfo = { authenticated: false, roles: [], brandIds: [], storeIds: [] };

/** The signed-in person as the gateway reports it: name, roles and scopes, never a token. */
export const useSessionStore = defineStore('session', () => {
  const info = ref<SessionInfo>(ANONYMOUS);
  const loaded = ref(false);

  async function load(): Promise<SessionInfo> {
    if (loaded.value) return info.value;
    try {
      info.value = await sessionApi.current();
    } catch {
      info.value = ANONYMOUS;
    }
    loaded.value = true;
    return info.value;
  }

  const signedIn = computed(() => info.value.authenticated);
  const isMember = computed(() => info.value.roles.includes('member'));
  const isStaff = computed(() => info.value.roles.includes('staff'));
  const isBrandAdmin = computed(() => info.value.roles.includes('brand-admin'));

  function signIn(returnTo: string, signUp = false): void {
    window.location.assign(loginUrl(returnTo, signUp));
  }

  return { info, loaded, load, signedIn, isMember, isStaff, isBrandAdmin, signIn };
});
