import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { members, type Brand, type Store } from '@/api/members';

const STORAGE_KEY = 'quanzi.brand';

/** The brand the member is looking at (remembered), with its stores for names, addresses and zones. */
export const useBrandStore = defineStore('brand', () => {
  const brands = ref<Brand[]>([]);
  const currentId = ref<string | null>(localStorage.getItem(STORAGE_KEY));
  const storesByBrand = ref<Record<string, Store[]>>({});
  let loading: Promise<void> | null = null;

  const current = computed(() => brands.value.find((b) => b.id === currentId.value) ?? brands.value[0] ?? null);
  const stores = computed(() => (current.value ? (storesByBrand.value[current.value.id] ?? []) : []));

  function load(): Promise<void> {
    loading ??= members
      .brands()
      .then(async (list) => {
        brands.value = list;
        if (current.value) await loadStores(current.value.id);
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  async function loadStores(brandId: string): Promise<Store[]> {
    if (!storesByBrand.value[brandId]) {
      storesByBrand.value = { ...storesByBrand.value, [brandId]: await members.stores(brandId) };
    }
    return storesByBrand.value[brandId] ?? [];
  }

  async function select(brandId: string): Promise<void> {
    currentId.value = brandId;
    localStorage.setItem(STORAGE_KEY, brandId);
    await loadStores(brandId);
  }

  function store(storeId: string | null | undefined): Store | undefined {
    if (!storeId) return undefined;
    return Object.values(storesByBrand.value)
      .flat()
      .find((s) => s.id === storeId);
  }

  return { brands, current, stores, load, loadStores, select, store };
});
