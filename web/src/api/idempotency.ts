import { ApiProblem } from './client';

/** A key for one user intent, accepted by the API's `Idempotency-Key` (8–128 of A-Za-z0-9._:-). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * One user action that must happen at most once, like claiming a coupon. A second tap while the
 * first is in flight joins it; a retry after a failure that may not have reached the server (network
 * error, 5xx) reuses the same key, so the server answers the first result instead of acting twice.
 * A new key is made only once the action has an answer the person has seen.
 */
export class IdempotentAction<T> {
  private key = newIdempotencyKey();
  private inFlight: Promise<T> | null = null;

  constructor(private readonly send: (key: string) => Promise<T>) {}

  get currentKey(): string {
    return this.key;
  }

  get running(): boolean {
    return this.inFlight !== null;
  }

  run(): Promise<T> {
    if (this.inFlight) return this.inFlight;
    const attempt = this.send(this.key)
      .then((result) => {
        this.key = newIdempotencyKey();
        return result;
      })
      .catch((error: unknown) => {
        const retryable = error instanceof ApiProblem ? error.retryable : true;
        if (!retryable) this.key = newIdempotencyKey();
        throw error;
      })
      .finally(() => {
        this.inFlight = null;
      });
    this.inFlight = attempt;
    return attempt;
  }
}
