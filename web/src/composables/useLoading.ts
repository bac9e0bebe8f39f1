import { ref } from 'vue';

/**
 * The loading and error state of a screen: `track(work)` shows the skeleton while `work` runs and
 * keeps its failure for the error state (with "try again"), instead of every screen repeating it.
 */
export function useLoading(initiallyLoading = true) {
  const loading = ref(initiallyLoading);
  const error = ref<unknown>(null);

  async function track(work: () => Promise<void>): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      await work();
    } catch (failure) {
      error.value = failure;
    } finally {
      loading.value = false;
    }
  }

  return { loading, error, track };
}
