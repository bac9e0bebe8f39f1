import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { call, createOffer, expectAccessible, newMember, ok, shot, uniqueName } from './support';

// Admin mode, the brand side: ada edits the brand, adds a store and opens its printable join QR,
// changes a loyalty rule, finds a member in the list, opens the detail and adjusts the member's
// points with a reason, and reads an offer's claims and redemptions. Data is made here; what the
// test changes on demo-brand (description, grace period) is put back at the end.
test.describe.configure({ mode: 'serial' });

const DESKTOP = { viewport: { width: 1280, height: 860 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 };

interface BrandBody {
  name: string;
  slug: string;
  logoUrl: string | null;
  description: string | null;
  defaultLocale: string;
  timezone: string;
}
interface Settings {
  activityPoints: Record<string, number>;
  pointsPerCurrencyUnit: number;
  currency: string;
  expiryMonths: number;
  tierWindowMonths: number;
  tierGraceDays: number;
  tiers: { name: string; threshold: number; multiplier: number }[];
}

let phone: BrowserContext;
let page: Page;
let brandBefore: BrandBody;
let settingsBefore: Settings;
let member: { memberId: string; memberNumber: number; name: string };
let circle: { id: string; name: string };
let offer: { id: string; title: string };
const made = { description: uniqueName('Tea for friends, since 2019 · '), store: uniqueName('Riverside '), storeId: uniqueName('demo-store-x') };

async function signIn(target: Page, path: string): Promise<void> {
  await target.goto(path);
  await target.waitForURL(/\/realms\/quanzi\//);
  await target.locator('#username').fill('ada');
  await target.locator('#password').fill('ada-demo');
  await target.locator('[type=submit]').first().click();
  await target.waitForURL(new RegExp(path.replace(/\//g, '\\/')));
}

test.beforeAll(async ({ browser }) => {
  const brand = await ok<BrandBody & { id: string }>('ada', 'GET', '/api/brands/demo-brand');
  brandBefore = { name: brand.name, slug: brand.slug, logoUrl: brand.logoUrl, description: brand.description, defaultLocale: brand.defaultLocale ?? 'zh-CN', timezone: brand.timezone };
  const { brandId: _b, custom: _c, ...rules } = await ok<Settings & { brandId: string; custom: boolean }>('ada', 'GET', '/api/points/brands/demo-brand/settings');
  settingsBefore = rules;

  // A member who joined, with a name to search for and a coupon of a new offer claimed and redeemed.
  const name = uniqueName('Wren');
  const wren = await newMember('wren');
  await ok(wren.username, 'PATCH', '/api/members/me', { displayName: name }, wren.password);
  const joined = await ok<{ memberNumber: number }>(wren.username, 'POST', '/api/members/me/brands/demo-brand/membership', { source: 'IN_STORE_QR', storeId: 'demo-store-1' }, wren.password);
  const me = await ok<{ subject: string }>(wren.username, 'GET', '/api/members/me', undefined, wren.password);
  member = { memberId: me.subject, memberNumber: joined.memberNumber, name };
  const circleName = uniqueName('Tea walkers ');
  circle = { ...(await ok<{ id: string }>('ada', 'POST', '/api/communities', { brandId: 'demo-brand', name: circleName, kind: 'INTEREST_CIRCLE', joinPolicy: 'OPEN' })), name: circleName };
  await ok(wren.username, 'POST', `/api/communities/${circle.id}/join`, {}, wren.password);
  const title = uniqueName('Oolong for two ');
  offer = { ...(await createOffer(title)), title };
  const coupon = await ok<{ id: string }>(wren.username, 'POST', `/api/offers/${offer.id}/claims`, undefined, wren.password);
  const { token } = await ok<{ token: string }>(wren.username, 'GET', `/api/coupons/${coupon.id}/qr-token`, undefined, wren.password);
  await ok('sam', 'POST', '/api/coupons/redemptions', { token, storeId: 'demo-store-1' });

  phone = await browser.newContext();
  page = await phone.newPage();
});

test.afterAll(async () => {
  await phone?.close();
  // Put demo-brand back as it was for the specs that run after this one.
  if (brandBefore) await call('ada', 'PUT', '/api/brands/demo-brand', brandBefore);
  if (settingsBefore) await call('ada', 'PUT', '/api/points/brands/demo-brand/settings', settingsBefore);
});

test('ada edits the brand, adds a store and opens its printable join QR', async ({}, testInfo) => {
  await signIn(page, '/admin/brand');
  await expect(page.getByTestId('brand-form')).toBeVisible();
  await expect(page.getByTestId('brand-name')).toHaveValue(brandBefore.name);
  // A wrong logo address is caught in the form, before anything is sent.
  await page.getByTestId('brand-logo').fill('http://insecure.example.com/logo.png');
  await page.getByTestId('brand-save').click();
  await expect(page.getByTestId('brand-form')).toContainText('https://');
  await page.getByTestId('brand-logo').fill(brandBefore.logoUrl ?? '');
  await page.getByTestId('brand-description').fill(made.description);
  await expectAccessible(page, 'brand form');
  await shot(page, testInfo, 'admin-brand-01-brand-phone');
  await page.getByTestId('brand-save').click();
  await expect.poll(async () => (await ok<BrandBody>('ada', 'GET', '/api/brands/demo-brand')).description).toBe(made.description);

  await page.getByTestId('store-new').click();
  await page.getByTestId('store-name').fill(made.store);
  await page.getByTestId('store-id').fill(made.storeId);
  await page.getByTestId('store-address').fill('88 Riverside Road, Shanghai');
  await page.getByTestId('store-lat').fill('31.2304');
  await page.getByTestId('store-lon').fill('121.4737');
  await page.getByTestId('store-hours').fill('Mon–Sun 10:00–22:00');
  await page.getByTestId('store-timezone').selectOption('Asia/Shanghai');
  await expectAccessible(page, 'store form');
  await shot(page, testInfo, 'admin-brand-02-store-form');
  await page.getByTestId('store-save').click();
  await page.waitForURL(new RegExp(`/admin/brand/stores/${made.storeId}$`));
  const stores = await ok<{ id: string; name: string; location: { lat: number; lon: number } }[]>('ada', 'GET', '/api/brands/demo-brand/stores');
  expect(stores.find((s) => s.id === made.storeId)).toMatchObject({ name: made.store, location: { lat: 31.2304, lon: 121.4737 } });

  await page.getByTestId('store-open-qr').click();
  await expect(page.getByTestId('qr-poster')).toBeVisible();
  await expect(page.getByTestId('qr-store')).toHaveText(made.store);
  await expect(page.getByTestId('qr-brand')).toHaveText(brandBefore.name);
  await expect(page.getByTestId('qr-svg').locator('svg')).toBeVisible();
  const link = await page.getByTestId('qr-svg').getAttribute('data-value');
  expect(new URL(link!).pathname).toBe('/club');
  expect(new URL(link!).searchParams.get('storeId')).toBe(made.storeId);
  expect(new URL(link!).searchParams.get('brandId')).toBe('demo-brand');
  await expectAccessible(page, 'store QR');
  await shot(page, testInfo, 'admin-brand-03-store-qr-phone');
  // Printed on A4, only the poster is left: no admin bar, no navigation.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.admin-nav')).toBeHidden();
  await expect(page.getByTestId('qr-print')).toBeHidden();
  await expect(page.getByTestId('qr-poster')).toBeVisible();
  await shot(page, testInfo, 'admin-brand-04-store-qr-print');
  // ... and fits on one A4 page.
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
});

test('ada changes a loyalty rule; the ladder is checked as the server checks it', async ({}, testInfo) => {
  await page.getByTestId('nav-admin-loyalty').click();
  await expect(page.getByTestId('loyalty-form')).toBeVisible();
  await expect(page.getByTestId('loyalty-grace')).toHaveValue(String(settingsBefore.tierGraceDays));
  // A first tier above 0 is refused in the form.
  await page.getByTestId('tier-threshold-0').fill('5');
  await page.getByTestId('loyalty-save').click();
  await expect(page.getByTestId('tier-0')).toContainText(/0 points/);
  await page.getByTestId('tier-threshold-0').fill('0');
  const grace = settingsBefore.tierGraceDays === 45 ? 44 : 45;
  await page.getByTestId('loyalty-grace').fill(String(grace));
  await expectAccessible(page, 'loyalty rules');
  await shot(page, testInfo, 'admin-brand-05-loyalty-phone');
  await page.getByTestId('loyalty-save').click();
  await expect.poll(async () => (await ok<Settings>('ada', 'GET', '/api/points/brands/demo-brand/settings')).tierGraceDays).toBe(grace);
});

test('ada finds the member by name, opens the detail and adjusts the points with a reason', async ({}, testInfo) => {
  await page.getByTestId('nav-admin-members').click();
  await expect(page.getByTestId('members-table')).toBeVisible();
  await page.getByTestId('members-q').fill(member.name);
  await page.getByTestId('members-source').selectOption('IN_STORE_QR');
  await page.getByTestId('members-search').click();
  const row = page.getByTestId(`member-row-${member.memberNumber}`);
  await expect(row).toContainText(member.name);
  await expect(page.locator('[data-testid^="member-row-"]')).toHaveCount(1);
  await expect(row).toContainText('Store QR');
  await expect(page.getByTestId('members-export')).toHaveAttribute('href', /\/api\/brands\/demo-brand\/members\/export\?source=IN_STORE_QR/);
  // The export is a file fetched with the session cookie (the browser holds no token).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('members-export').click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('memberNumber,displayName,status,source,storeId,joinedAt');
  expect(csv).toContain(`${member.memberNumber},"${member.name}",ACTIVE,IN_STORE_QR,demo-store-1,`);
  await expectAccessible(page, 'member list');
  await shot(page, testInfo, 'admin-brand-06-members-phone');

  await row.getByRole('link', { name: member.name }).click();
  await expect(page.getByTestId('member-number')).toHaveText(String(member.memberNumber));
  await expect(page.getByTestId('member-card')).toContainText('Store QR');
  const before = Number((await page.getByTestId('member-balance').textContent())!.replace(/\D/g, ''));
  // Points without a reason are refused in the form.
  await page.getByTestId('adjust-points').fill('25');
  await page.getByTestId('adjust-submit').click();
  await expect(page.getByTestId('member-adjust')).toContainText('Give a reason');
  await page.getByTestId('adjust-reason').fill('Goodwill: the order was late');
  await page.getByTestId('adjust-submit').click();
  await expect(page.getByTestId('member-balance')).toHaveText(String(before + 25));
  await expect(page.getByTestId('member-history')).toContainText('Goodwill: the order was late');
  await expect(page.getByTestId('member-tier')).not.toHaveText('—');
  await expect(page.getByTestId('member-communities')).toContainText(circle.name);
  await expect(page.getByTestId('member-communities')).toContainText('Member');
  await expectAccessible(page, 'member detail');
  await shot(page, testInfo, 'admin-brand-07-member-phone');
});

test('at desktop size: the offer screen shows its claims and redemptions with a table view', async ({ browser }, testInfo) => {
  const desktop = await browser.newContext(DESKTOP);
  const wide = await desktop.newPage();
  try {
    await signIn(wide, `/admin/offers/${offer.id}`);
    await expect(wide.getByTestId('offer-stats-claims')).toContainText('1');
    await expect(wide.getByTestId('offer-stats-redemptions')).toContainText('1');
    await expect(wide.getByTestId('chart-offer-timeline').locator('canvas')).toBeVisible();
    await wide.getByTestId('table-toggle-offer-timeline').click();
    await expect(wide.getByTestId('table-offer-timeline').locator('tr').last().locator('td')).toHaveText(['1', '1']);
    await wide.getByTestId('table-toggle-offer-stores').click();
    await expect(wide.getByTestId('table-offer-stores').locator('tbody tr')).toHaveCount(1);
    await wide.getByTestId('offer-stats').scrollIntoViewIfNeeded();
    await expectAccessible(wide, 'offer stats (desktop)');
    await shot(wide, testInfo, 'admin-brand-08-offer-stats-desktop');

    // The dashboard compares offers: this one with its claim and redemption.
    await wide.getByTestId('nav-admin-dashboard').click();
    await expect(wide.getByTestId('chart-offers').locator('canvas')).toBeVisible();
    await wide.getByTestId('table-toggle-offers').click();
    await expect(wide.getByTestId('table-offers').locator('tr', { hasText: offer.title }).locator('td')).toHaveText(['1', '1', '100%']);
    await wide.getByTestId('chart-offers').scrollIntoViewIfNeeded();
    await shot(wide, testInfo, 'admin-brand-09-dashboard-offers-desktop');

    await wide.getByTestId('nav-admin-members').click();
    await expect(wide.getByTestId('members-table')).toBeVisible();
    await shot(wide, testInfo, 'admin-brand-09b-members-desktop');
    await wide.goto(`/admin/members/${member.memberNumber}`);
    await expect(wide.getByTestId('member-history')).toBeVisible();
    await expectAccessible(wide, 'member detail (desktop)');
    await shot(wide, testInfo, 'admin-brand-10-member-desktop');
    await wide.goto('/admin/brand');
    await expect(wide.getByTestId(`store-row-${made.storeId}`)).toBeVisible();
    await shot(wide, testInfo, 'admin-brand-11-brand-desktop');
  } finally {
    await desktop.close();
  }
});
