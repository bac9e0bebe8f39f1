// Offline check-ins wait here (IndexedDB, so closing the tab or the browser loses nothing) until
// the server has answered for them through POST /api/checkins/batch.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface QueuedScan {
  id: string;
  token: string;
  scannedAt: string;
  deviceId: string;
  eventId: string;
  memberId: string;
  storeId: string;
}

interface Schema extends DBSchema {
  scans: { key: string; value: QueuedScan; indexes: { byScannedAt: string } };
}

export interface ScanQueue {
  add(scan: QueuedScan): Promise<void>;
  /** Oldest first. */
  all(): Promise<QueuedScan[]>;
  remove(ids: string[]): Promise<void>;
}

let db: Promise<IDBPDatabase<Schema>> | null = null;

function open(name: string): Promise<IDBPDatabase<Schema>> {
  return openDB<Schema>(name, 1, {
    upgrade(database) {
      database.createObjectStore('scans', { keyPath: 'id' }).createIndex('byScannedAt', 'scannedAt');
    },
  });
}

export function indexedDbQueue(name = 'quanzi-staff'): ScanQueue {
  const get = () => (db ??= open(name));
  return {
    async add(scan) {
      await (await get()).put('scans', scan);
    },
    async all() {
      return (await get()).getAllFromIndex('scans', 'byScannedAt');
    },
    async remove(ids) {
      const tx = (await get()).transaction('scans', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
  };
}

/** Closes the shared connection (tests use a fresh database each time). */
export async function closeQueue(): Promise<void> {
  if (db) (await db).close();
  db = null;
}
