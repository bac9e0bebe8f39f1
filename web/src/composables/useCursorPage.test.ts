import { describe, expect, it, vi } from 'vitest';
import { useCursorPage } from './useCursorPage';

describe('cursor paging (infinite scroll)', () => {
  it('appends pages, passes the cursor back and finishes when there is none', async () => {
    const fetchPage = vi
      .fn()
      .mockResolvedValueOnce({ items: [1, 2], nextCursor: 'c2' })
      .mockResolvedValueOnce({ items: [3], nextCursor: null });
    const page = useCursorPage<number>(fetchPage);
    await page.loadMore();
    await page.loadMore();
    await page.loadMore();
    expect(page.items.value).toEqual([1, 2, 3]);
    expect(fetchPage.mock.calls).toEqual([[null], ['c2']]);
    expect(page.finished.value).toBe(true);
  });

  it('keeps what it has when a page fails, and can try again', async () => {
    const fetchPage = vi
      .fn()
      .mockResolvedValueOnce({ items: [1], nextCursor: 'c2' })
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ items: [2], nextCursor: null });
    const page = useCursorPage<number>(fetchPage);
    await page.loadMore();
    await page.loadMore();
    expect(page.error.value).toBeInstanceOf(Error);
    expect(page.items.value).toEqual([1]);
    await page.loadMore();
    expect(page.items.value).toEqual([1, 2]);
    expect(fetchPage.mock.calls[2]).toEqual(['c2']);
  });

  it('starts over on reset (pull to refresh)', async () => {
    const fetchPage = vi.fn().mockResolvedValue({ items: [9], nextCursor: null });
    const page = useCursorPage<number>(fetchPage);
    await page.loadMore();
    await page.reset();
    expect(page.items.value).toEqual([9]);
    expect(fetchPage.mock.calls).toEqual([[null], [null]]);
  });
});
