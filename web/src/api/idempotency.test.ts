import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from './client';
import { IdempotentAction } from './idempotency';

describe('an idempotent action (claiming a coupon)', () => {
  it('joins a double tap into one request', async () => {
    let resolve!: (value: string) => void;
    const send = vi.fn((_key: string) => new Promise<string>((r) => (resolve = r)));
    const action = new IdempotentAction(send);
    const first = action.run();
    const second = action.run();
    resolve('coupon-1');
    await expect(first).resolves.toBe('coupon-1');
    await expect(second).resolves.toBe('coupon-1');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('retries with the same key after a network error or a 5xx, so the server can answer the first claim', async () => {
    const keys: string[] = [];
    const send = vi
      .fn<(key: string) => Promise<string>>()
      .mockImplementationOnce(async (key) => {
        keys.push(key);
        throw ApiProblem.network(new TypeError('offline'));
      })
      .mockImplementationOnce(async (key) => {
        keys.push(key);
        throw new ApiProblem(503, 'urn:quanzi:problem:claim-incomplete', 'Service Unavailable', undefined);
      })
      .mockImplementationOnce(async (key) => {
        keys.push(key);
        return 'coupon-1';
      });
    const action = new IdempotentAction(send);
    await expect(action.run()).rejects.toBeInstanceOf(ApiProblem);
    await expect(action.run()).rejects.toBeInstanceOf(ApiProblem);
    await expect(action.run()).resolves.toBe('coupon-1');
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
  });

  it('takes a new key once the action has a final answer', async () => {
    const keys: string[] = [];
    const send = vi.fn(async (key: string) => {
      keys.push(key);
      if (keys.length === 1) throw new ApiProblem(409, 'urn:quanzi:problem:limit-reached', 'Conflict', undefined);
      return 'ok';
    });
    const action = new IdempotentAction(send);
    await expect(action.run()).rejects.toBeInstanceOf(ApiProblem);
    await action.run();
    await action.run();
    expect(new Set(keys).size).toBe(3);
  });
});
