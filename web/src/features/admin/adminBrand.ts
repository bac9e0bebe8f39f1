import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { members, type Brand, type Store } from '@/api/members';
import { useSessionStore } from '@/session/sessionStore';

const STORAGE_KEY = 'quanzi.admin.brand';

/** Pick the brand to run: the remembered one if the session still has it, else the first one. */
export function pickBrand(brandIds: readonly string[], remembered: string | null): string | null {
  if (remembered && brandIds.includes(remembered)) return remembered;
  return brandIds[0] ?? null;
}

/** The brand an admin runs (one of the session's brandIds), with its stores and their time zones. */
export const useAdminBrand = defineStore('adminBrand', () => {
  const session = useSessionStore();
  const brands = ref<Brand[]>([]);
  const stores = ref<Store[]>([]);
  const chosen = ref<string | null>(localStorage.getItem(STORAGE_KEY));
  const loaded = ref(false);

  const brandIds = computed(() => session.info.brandIds);
  const allowed = computed(() => session.isBrandAdmin && brandIds.value.length > 0);
  const brandId = computed(() => pickBrand(brandIds.value, chosen.value));
  const brand = computed(() => brands.value.find((b) => b.id === brandId.value) ?? null);
  /** The brand's zone (UTC until the brand is loaded). */
  const timezone = computed(() => brand.value?.timezone ?? 'UTC');
  const options = computed(() =>
    brandIds.value.map((id) => ({ id, name: brands.value.find((b) => b.id === id)?.name ?? id })),
  );

  async function load(): Promise<void> {
    if (!allowed.value || !brandId.value) return;
    const all = await members.brands();
    brands.value = all.filter((b) => brandIds.value.includes(b.id));
    stores.value = await members.stores(brandId.value);
    loaded.value = true;
  }

  async function select(id: string): Promise<void> {
    if (!brandIds.value.includes(id)) return;
    chosen.value = id;
    localStorage.setItem(STORAGE_KEY, id);
    stores.value = await members.stores(id);
  }

  function store(storeId: string | null | undefined): Store | undefined {
    return stores.value.find((s) => s.id === storeId);
  }

  return { brands, stores, brandId, brand, timezone, options, allowed, loaded, load, select, store };
});
