import { describe, expect, it } from 'vitest';
import { useLoading } from './useLoading';

describe('a screen loading its data', () => {
  it('is loading while the work runs and keeps no error when it succeeds', async () => {
    const { loading, error, track } = useLoading();
    let release!: () => void;
    const running = track(() => new Promise<void>((resolve) => (release = resolve)));
    expect(loading.value).toBe(true);
    release();
    await running;
    expect(loading.value).toBe(false);
    expect(error.value).toBeNull();
  });

  it('keeps the failure for the error state, and clears it on the next try', async () => {
    const { loading, error, track } = useLoading();
    await track(async () => {
      throw new Error('offline');
    });
    expect(loading.value).toBe(false);
    expect(error.value).toBeInstanceOf(Error);
    await track(async () => undefined);
    expect(error.value).toBeNull();
  });
});
