import { describe, expect, it } from 'vitest';
import { pickBrand } from './adminBrand';

describe('pickBrand', () => {
  it('keeps the remembered brand only while the session still has it', () => {
    expect(pickBrand(['a', 'b'], 'b')).toBe('b');
    expect(pickBrand(['a', 'b'], 'gone')).toBe('a');
    expect(pickBrand(['a'], null)).toBe('a');
    expect(pickBrand([], 'a')).toBeNull();
  });
});
