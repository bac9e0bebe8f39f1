import { ref, type Ref } from 'vue';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Reads a cursor-paged list one page at a time (for infinite scroll): `loadMore` appends the next
 * page, `finished` turns true when the API gives no cursor, `reset` starts over (pull to refresh).
 */
export function useCursorPage<T>(fetchPage: (cursor: string | null) => Promise<CursorPage<T>>) {
  const items = ref<T[]>([]) as Ref<T[]>;
  const loading = ref(false);
  const finished = ref(false);
  const error = ref<unknown>(null);
  let cursor: string | null = null;
  let generation = 0;

  async function loadMore(): Promise<void> {
    if (loading.value || finished.value) return;
    loading.value = true;
    const mine = generation;
    try {
      const page = await fetchPage(cursor);
      if (mine !== generation) return;
      items.value = [...items.value, ...page.items];
      cursor = page.nextCursor;
      finished.value = page.nextCursor === null || page.items.length === 0;
      error.value = null;
    } catch (failure) {
      if (mine === generation) error.value = failure;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function reset(): Promise<void> {
    generation++;
    items.value = [];
    cursor = null;
    finished.value = false;
    loading.value = false;
    error.value = null;
    await loadMore();
  }

  return { items, loading, finished, error, loadMore, reset };
}
