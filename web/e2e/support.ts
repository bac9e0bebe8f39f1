// What the browser tests need besides the browser: tokens for the demo staff and admin (one
// password grant each, never in parallel: Keycloak's brute-force protection is on), API calls to
// set up events and offers, and screenshots saved as test artifacts.
import { expect, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';

export const BASE = process.env.QUANZI_BASE_URL ?? 'http://localhost:8080';
export const KEYCLOAK = process.env.QUANZI_KEYCLOAK_URL ?? 'http://localhost:8180';
export const ARTIFACTS = process.env.QUANZI_E2E_ARTIFACTS ?? 'e2e/artifacts';

const tokens = new Map<string, { token: string; until: number }>();

export async function tokenFor(username: string, password = `${username}-demo`): Promise<string> {
  const cached = tokens.get(username);
  if (cached && cached.until > Date.now()) return cached.token;
  const response = await fetch(`${KEYCLOAK}/realms/quanzi/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'quanzi-cli', username, password }),
  });
  if (!response.ok) throw new Error(`login of ${username} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  tokens.set(username, { token: body.access_token, until: Date.now() + (body.expires_in - 30) * 1000 });
  return body.access_token;
}

export async function call<T>(
  username: string,
  method: string,
  path: string,
  body?: unknown,
  password?: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await tokenFor(username, password)}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function ok<T>(
  username: string,
  method: string,
  path: string,
  body?: unknown,
  password?: string,
): Promise<T> {
  const answer = await call<T>(username, method, path, body, password);
  if (answer.status >= 300) throw new Error(`${method} ${path} as ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d+Z$/, 'Z');

/** An event at demo-store-1 that is open for check-in now. */
export async function createEventNow(title: string): Promise<{ id: string }> {
  return ok('ada', 'POST', '/api/events', {
    storeId: 'demo-store-1',
    title,
    description: 'Try the new season with the team.',
    startsAt: iso(-10 * 60_000),
    endsAt: iso(2 * 3600_000),
    checkInOpensAt: iso(-10 * 60_000),
    checkInClosesAt: iso(3600_000),
    capacity: 50,
    attendPoints: 30,
  });
}

/** A coupon offer of demo-brand, limited to one per member. */
export async function createOffer(title: string, validFromMs = -60_000): Promise<{ id: string }> {
  // Right after a cold start member-service may still be registering the demo stores in
  // offer-service (an outbox with back-off): until then an offer for them is a 422 store-not-of-brand.
  for (let attempt = 0; ; attempt++) {
    const answer = await call<{ id: string; type?: string }>('ada', 'POST', '/api/offers', offerBody(title, validFromMs));
    if (answer.status === 201) return answer.body;
    if (answer.body?.type !== 'urn:quanzi:problem:store-not-of-brand' || attempt >= 30) {
      throw new Error(`POST /api/offers: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function offerBody(title: string, validFromMs: number) {
  return {
    brandId: 'demo-brand',
    type: 'DISCOUNT_COUPON',
    title,
    description: '20% off one drink.',
    validFrom: iso(validFromMs),
    validUntil: iso(7 * 24 * 3600_000),
    redeemableStoreIds: ['demo-store-1', 'demo-store-2'],
    totalStock: 100,
    perMemberLimit: 1,
  };
}

export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * axe-core on the page as it is now: no serious or critical violation. A toast fading in or out is waited for first:
 * half-transparent, its text fails the contrast rule, while the toast fully shown is checked like everything else.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.locator('.van-toast.van-fade-enter-active, .van-toast.van-fade-leave-active')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
  ).toEqual([]);
}

/** A new member made through Keycloak's admin API (as self-registration would: role member). */
export async function newMember(prefix: string): Promise<{ username: string; password: string }> {
  const admin = await fetch(`${KEYCLOAK}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: process.env.QUANZI_KEYCLOAK_ADMIN ?? 'admin',
      password: process.env.QUANZI_KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
    }),
  });
  const adminToken = ((await admin.json()) as { access_token: string }).access_token;
  const username = uniqueName(prefix);
  const password = `${username}-Pass1`;
  const created = await fetch(`${KEYCLOAK}/admin/realms/quanzi/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username,
      enabled: true,
      email: `${username}@e2e.quanzi.local`,
      emailVerified: true,
      firstName: prefix.charAt(0).toUpperCase() + prefix.slice(1),
      lastName: 'Tester',
      credentials: [{ type: 'password', value: password, temporary: false }],
    }),
  });
  if (created.status !== 201) throw new Error(`could not create ${username}: ${created.status}`);
  return { username, password };
}

export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}
