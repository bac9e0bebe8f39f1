import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { useRefreshOnReturn } from './useRefreshOnReturn';

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('refreshing when the person comes back', () => {
  afterEach(() => setVisibility('visible'));

  it('refetches after a long absence, not after a quick switch, and stops when the screen closes', () => {
    let clock = 0;
    const refresh = vi.fn();
    const wrapper = mount(
      defineComponent({
        setup() {
          useRefreshOnReturn(refresh, 30_000, () => clock);
          return () => h('div');
        },
      }),
    );
    setVisibility('hidden');
    clock += 5_000;
    setVisibility('visible');
    expect(refresh).not.toHaveBeenCalled();

    setVisibility('hidden');
    clock += 60_000;
    setVisibility('visible');
    expect(refresh).toHaveBeenCalledTimes(1);

    wrapper.unmount();
    setVisibility('hidden');
    clock += 60_000;
    setVisibility('visible');
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
