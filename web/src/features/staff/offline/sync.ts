import { ApiProblem } from '@/api/client';
import type { BatchItemResult } from '@/api/staff';
import type { QueuedScan, ScanQueue } from './queue';

export type { BatchItemResult };

export const BATCH_LIMIT = 100;
export const MAX_OFFLINE_AGE_MS = 24 * 3600_000;
/** Scans older than this are close to the server's 24 h limit: the screen warns. */
export const WARN_AGE_MS = 20 * 3600_000;

export interface SyncedScan {
  scan: QueuedScan;
  result: BatchItemResult;
}

export type BatchSender = (items: { token: string; scannedAt: string; deviceId: string }[]) => Promise<{ results: BatchItemResult[] }>;

/**
 * Sends the queue in order, in chunks within the batch limit. A scan leaves the queue only once
 * the server has answered for it; a failed chunk stops the sync and keeps it and everything after
 * it (a repeat after a lost answer doubles nothing: the server checks in each member once).
 */
export async function syncQueue(queue: ScanQueue, send: BatchSender, chunkSize = BATCH_LIMIT): Promise<{ synced: SyncedScan[]; error: unknown }> {
  const synced: SyncedScan[] = [];
  const pending = await queue.all();
  for (let start = 0; start < pending.length; start += chunkSize) {
    const chunk = pending.slice(start, start + chunkSize);
    let results: BatchItemResult[];
    try {
      results = (await send(chunk.map(({ token, scannedAt, deviceId }) => ({ token, scannedAt, deviceId })))).results;
    } catch (error) {
      return { synced, error };
    }
    const answered = chunk.flatMap((scan, i) => {
      const result = results.find((r) => r.index === i);
      return result ? [{ scan, result }] : [];
    });
    await queue.remove(answered.map((a) => a.scan.id));
    synced.push(...answered);
    if (answered.length < chunk.length) return { synced, error: new ApiProblem(500, 'incomplete-batch', 'Incomplete batch answer', undefined) };
  }
  return { synced, error: null };
}

export function oldestAgeMs(queue: QueuedScan[], now: number): number {
  return queue.length === 0 ? 0 : now - Math.min(...queue.map((s) => Date.parse(s.scannedAt)));
}
