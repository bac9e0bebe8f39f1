import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { members, type Store } from '@/api/members';
import { useSessionStore } from '@/session/sessionStore';

const STORE_KEY = 'quanzi.staff.store';
const DEVICE_KEY = 'quanzi.staff.device';
const AUTO_NEXT_KEY = 'quanzi.staff.autoNext';

/** A device id for this browser (the API records which device scanned), made once and kept. */
export function deviceId(storage: Storage = localStorage): string {
  let id = storage.getItem(DEVICE_KEY);
  if (!id || !/^[A-Za-z0-9_.:-]{1,128}$/.test(id)) {
    id = `web-${crypto.randomUUID()}`;
    storage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/**
 * Which store the staff member is working at (one of the session's `storeIds`, remembered on this
 * device), with the store's name, brand and time zone looked up from the brands' store lists.
 */
export const useStaffStore = defineStore('staff', () => {
  const session = useSessionStore();
  const details = ref<Record<string, Store>>({});
  /** Every store of the brands, to name another store (a coupon redeemed elsewhere) and its time zone. */
  const brandStores = ref<Record<string, Store>>({});
  const remembered = ref<string | null>(localStorage.getItem(STORE_KEY));
  const autoNext = ref(localStorage.getItem(AUTO_NEXT_KEY) !== 'off');
  let loading: Promise<void> | null = null;

  const allowed = computed(() => session.isStaff && session.info.storeIds.length > 0);
  const storeIds = computed(() => session.info.storeIds);
  /** The remembered store if the session still works there; the only one if there is one. */
  const storeId = computed(() => {
    if (remembered.value && storeIds.value.includes(remembered.value)) return remembered.value;
    return storeIds.value.length === 1 ? storeIds.value[0]! : null;
  });
  const store = computed(() => (storeId.value ? (details.value[storeId.value] ?? null) : null));

  /** Finds the session's stores among the brands' stores (staff tokens name stores, not brands). */
  function load(): Promise<void> {
    if (Object.keys(details.value).length > 0) return Promise.resolve();
    loading ??= (async () => {
      const brands = await members.brands();
      const lists = await Promise.all(brands.map((brand) => members.stores(brand.id).catch(() => [] as Store[])));
      const mine = new Set(storeIds.value);
      brandStores.value = Object.fromEntries(lists.flat().map((s) => [s.id, s]));
      details.value = Object.fromEntries(lists.flat().filter((s) => mine.has(s.id)).map((s) => [s.id, s]));
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  function choose(id: string): void {
    if (!storeIds.value.includes(id)) return;
    remembered.value = id;
    localStorage.setItem(STORE_KEY, id);
  }

  function setAutoNext(on: boolean): void {
    autoNext.value = on;
    localStorage.setItem(AUTO_NEXT_KEY, on ? 'on' : 'off');
  }

  const name = (id: string) => details.value[id]?.name ?? brandStores.value[id]?.name ?? id;
  /** The store's time zone, if the store is known. */
  const zoneOf = (id: string): string | undefined => details.value[id]?.timezone ?? brandStores.value[id]?.timezone;

  return { allowed, storeIds, storeId, store, details, load, choose, name, zoneOf, autoNext, setAutoNext };
});
