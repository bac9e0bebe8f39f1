import { ref } from 'vue';
import { communityAdmin, type ShareChainReport } from '@/api/communityAdmin';

/** The brand's share chains for the dashboard's range; a failure here leaves the other charts alone. */
export function useShareChains(brandId: () => string | null, limit = 10) {
  const chains = ref<ShareChainReport | null>(null);
  const error = ref<unknown>(null);

  async function load(range: { from: string; to: string }): Promise<void> {
    const id = brandId();
    if (!id) return;
    error.value = null;
    try {
      chains.value = await communityAdmin.shareChains(id, { from: range.from, to: range.to, limit });
    } catch (failure) {
      error.value = failure;
    }
  }

  return { chains, error, load };
}
