import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { nextRefreshDelayMs, useRotatingToken, type RotatingToken } from './useRotatingToken';

const at = (ms: number) => new Date(ms).toISOString();

describe('when to fetch the next QR token', () => {
  it('follows the server\'s refreshIn', () => {
    expect(nextRefreshDelayMs({ token: 't', expiresAt: at(45_000), refreshInSeconds: 30 }, 0)).toBe(30_000);
  });
  it('without refreshIn, refreshes five seconds before expiry', () => {
    expect(nextRefreshDelayMs({ token: 't', expiresAt: at(60_000) }, 0)).toBe(55_000);
  });
  it('never waits past the expiry, and never less than a second', () => {
    expect(nextRefreshDelayMs({ token: 't', expiresAt: at(10_000), refreshInSeconds: 30 }, 0)).toBe(10_000);
    expect(nextRefreshDelayMs({ token: 't', expiresAt: at(500) }, 0)).toBe(1000);
  });
});

describe('a rotating token on screen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  function mountWith(fetch: () => Promise<RotatingToken | null>) {
    let state!: ReturnType<typeof useRotatingToken>;
    const wrapper = mount(
      defineComponent({
        setup() {
          state = useRotatingToken(fetch);
          return () => h('div');
        },
      }),
    );
    return { wrapper, state: () => state };
  }

  it('shows a fresh code before the old one expires, counting down in between', async () => {
    let n = 0;
    const fetch = vi.fn(async () => {
      n++;
      return { token: `token-${n}`, expiresAt: at(Date.now() + 45_000), refreshInSeconds: 30 };
    });
    const { state, wrapper } = mountWith(fetch);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().current.value?.token).toBe('token-1');
    expect(state().secondsLeft.value).toBe(45);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state().secondsLeft.value).toBe(35);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(state().current.value?.token).toBe('token-2');
    expect(fetch).toHaveBeenCalledTimes(2);
    wrapper.unmount();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('stops asking once there is nothing to show (checked in), and retries after a failure', async () => {
    const fetch = vi
      .fn<() => Promise<RotatingToken | null>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(null);
    const { state } = mountWith(fetch);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().error.value).toBeInstanceOf(Error);
    await vi.advanceTimersByTimeAsync(3000);
    await nextTick();
    expect(state().current.value).toBeNull();
    expect(state().error.value).toBeNull();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
