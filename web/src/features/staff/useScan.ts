import { getCurrentInstance, onBeforeUnmount, ref, type Ref } from 'vue';
import type { JSONWebKeySet } from 'jose';
import { ApiProblem } from '@/api/client';
import { staffApi } from '@/api/staff';
import type { ScanQueue } from './offline/queue';
import { classifyCode } from './token';
import { verifyCheckInLocally } from './offline/localVerify';
import { checkedIn, memberCard, noStore, redeemed, refused, unknownCode, type Verdict } from './verdict';

export const AUTO_NEXT_MS = 2000;

export interface OfflineScanning {
  online(): boolean;
  keys(): Promise<JSONWebKeySet | null>;
  queue: ScanQueue;
  storeId(): string | null;
  /** The store of an event this device knows (from the last event list read online), else undefined. */
  eventStore(eventId: string): string | undefined;
  now?: () => number;
  onQueued?: () => void;
}

const isNetworkFailure = (failure: unknown) => failure instanceof ApiProblem && failure.status === 0;

export interface ScanOptions {
  storeId: Ref<string | null>;
  /** The event picked on the scan screen, or null for any event at the store. */
  eventId: Ref<string | null>;
  deviceId: string;
  /** Whether the verdict goes away by itself after {@link AUTO_NEXT_MS}. */
  autoNext: Ref<boolean>;
  api?: Pick<typeof staffApi, 'checkIn' | 'redeem'>;
  /** Offline check-ins: verified on the device and queued while the network is down. */
  offline?: OfflineScanning;
  onVerdict?: (verdict: Verdict) => void;
  /** A member card was scanned: the screen asks for the receipt (purchase entry). */
  onMemberCard?: (card: { brandId: string; memberNumber: string }) => void;
}

/**
 * One scan at a time: a check-in code goes to the check-in endpoint (with the picked event), a
 * coupon code to the redemption endpoint (with the store); the verdict stays until the next tap or
 * for two seconds. The last verdict stays available for the screen's "last scan" line.
 */
export function useScan(options: ScanOptions) {
  const api = options.api ?? staffApi;
  const verdict = ref<Verdict | null>(null);
  const last = ref<Verdict | null>(null);
  const busy = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function next(): void {
    clearTimeout(timer);
    verdict.value = null;
  }

  function show(result: Verdict): Verdict {
    verdict.value = result;
    last.value = result;
    options.onVerdict?.(result);
    clearTimeout(timer);
    if (options.autoNext.value) timer = setTimeout(next, AUTO_NEXT_MS);
    return result;
  }

  async function judge(text: string): Promise<Verdict | null> {
    const code = classifyCode(text);
    if (code.kind === 'unknown') return unknownCode();
    if (code.kind === 'member-card') {
      if (!options.onMemberCard) return memberCard();
      options.onMemberCard({ brandId: code.brandId, memberNumber: code.memberNumber });
      return null;
    }
    const storeId = options.storeId.value;
    if (!storeId) return noStore();
    const offline = options.offline;
    if (offline && !offline.online()) return code.kind === 'checkin' ? checkInOffline(code.token, offline) : couponNeedsNetwork();
    try {
      if (code.kind === 'checkin') {
        const eventId = options.eventId.value ?? undefined;
        return checkedIn(await api.checkIn({ token: code.token, eventId, deviceId: options.deviceId }));
      }
      return redeemed(await api.redeem({ token: code.token, storeId }));
    } catch (failure) {
      if (offline && isNetworkFailure(failure)) return code.kind === 'checkin' ? checkInOffline(code.token, offline) : couponNeedsNetwork();
      return refused(failure);
    }
  }

  /** No network: verify the code here, refuse what is forged or expired, queue the rest. */
  async function checkInOffline(token: string, offline: OfflineScanning): Promise<Verdict> {
    const keys = await offline.keys();
    if (!keys) return { tone: 'warn', message: 'offline-no-keys' };
    const now = offline.now?.() ?? Date.now();
    const local = await verifyCheckInLocally(token, keys, { eventId: options.eventId.value, now });
    if (!local.ok) return { tone: 'bad', message: local.reason };
    if (!options.eventId.value) {
      // "Any event at this store": the code names its event; without the server, only an event
      // known to be here is accepted.
      const at = offline.eventStore(local.claims.evt);
      if (at === undefined) return { tone: 'warn', message: 'offline-unknown-event' };
      if (at !== offline.storeId()) return { tone: 'bad', message: 'wrong-store' };
    }
    const queued = await offline.queue.all();
    const earlier = queued.find((s) => s.memberId === local.claims.sub && s.eventId === local.claims.evt);
    if (earlier) return { tone: 'bad', message: 'already-queued', at: earlier.scannedAt };
    const scannedAt = new Date(now).toISOString();
    await offline.queue.add({
      id: crypto.randomUUID(),
      token,
      scannedAt,
      deviceId: options.deviceId,
      eventId: local.claims.evt,
      memberId: local.claims.sub,
      storeId: offline.storeId() ?? '',
    });
    offline.onQueued?.();
    return { tone: 'warn', message: 'saved-offline', at: scannedAt };
  }

  function couponNeedsNetwork(): Verdict {
    return { tone: 'warn', message: 'coupon-needs-network' };
  }

  /** Judges a scanned or typed code; ignored while a verdict is showing or a scan is under way. */
  async function submit(text: string): Promise<Verdict | null> {
    if (busy.value || verdict.value) return null;
    busy.value = true;
    try {
      const result = await judge(text);
      return result ? show(result) : null;
    } finally {
      busy.value = false;
    }
  }

  if (getCurrentInstance()) onBeforeUnmount(() => clearTimeout(timer));
  return { verdict, last, busy, submit, next, show };
}
