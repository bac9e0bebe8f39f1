import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import QRCode from 'qrcode';
import { BASE, createEventNow, createOffer, expectAccessible, newMember, ok, shot, uniqueName } from './support';

// A clerk's shift at demo-store-1 on a phone: sam signs in through Keycloak, picks the store and
// judges a new member's check-in and coupon codes (pasted, as with a broken camera). Each step
// builds on the one before (same browser, same member).
test.describe.configure({ mode: 'serial' });

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d+Z$/, 'Z');

let page: Page;
let context: BrowserContext;
let member: { username: string; password: string };
let event: { id: string };
let otherStoreEvent: { id: string };
let couponId: string;
let couponToken: string;

async function checkInToken(eventId: string): Promise<string> {
  return (await ok<{ token: string }>(member.username, 'GET', `/api/events/${eventId}/checkin-token`, undefined, member.password)).token;
}

async function paste(token: string): Promise<void> {
  await page.getByTestId('manual-token').locator('textarea').fill(token);
  await page.getByTestId('manual-check').click();
}

async function expectVerdict(tone: 'ok' | 'bad', title: string | RegExp): Promise<void> {
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toBeVisible();
  await expect(verdict).toHaveAttribute('data-tone', tone);
  await expect(page.getByTestId('verdict-title')).toHaveText(title);
}

async function nextScan(): Promise<void> {
  await page.getByTestId('verdict-next').click();
  await expect(page.getByTestId('verdict')).toBeHidden();
}

test.beforeAll(async ({ browser }) => {
  // ada (brand admin) sets up an event at each demo store and an offer; a new member RSVPs to both
  // events and claims a coupon.
  member = await newMember('nora');
  const { username, password } = member;
  await ok(username, 'PATCH', '/api/members/me', { displayName: 'Nora' }, password);
  await ok(username, 'POST', '/api/members/me/brands/demo-brand/membership', {}, password);
  event = await createEventNow(uniqueName('Door night '));
  otherStoreEvent = await ok('ada', 'POST', '/api/events', {
    storeId: 'demo-store-2',
    title: uniqueName('Other shop night '),
    startsAt: iso(-10 * 60_000),
    endsAt: iso(2 * 3600_000),
    checkInOpensAt: iso(-10 * 60_000),
    checkInClosesAt: iso(3600_000),
    capacity: 20,
    attendPoints: 10,
  });
  const offer = await createOffer(uniqueName('Staff test 20% off '));
  await ok(username, 'POST', `/api/events/${event.id}/rsvp`, undefined, password);
  await ok(username, 'POST', `/api/events/${otherStoreEvent.id}/rsvp`, undefined, password);
  couponId = (await ok<{ id: string }>(username, 'POST', `/api/offers/${offer.id}/claims`, undefined, password)).id;
  context = await browser.newContext();
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
});

test('sam signs in on the Keycloak page, picks the store and sees today\'s event with its counts', async ({}, testInfo) => {
  await page.goto('/staff');
  await page.waitForURL(/\/realms\/quanzi\//);
  await page.locator('#username').fill('sam');
  await page.locator('#password').fill('sam-demo');
  await page.locator('[type=submit]').click();
  await page.waitForURL((url) => url.pathname === '/staff');
  await expect(page.getByTestId('staff-home')).toBeVisible();
  await page.getByTestId('choice-demo-store-1').click();
  await expect(page.getByTestId('choice-demo-store-1').locator('[role=radio], .van-radio__icon--checked').first()).toBeVisible();
  // Verdicts stay until tapped in this test, so each can be read and photographed at leisure.
  await page.getByTestId('auto-next').click();
  await expect(page.getByTestId('auto-next')).toHaveAttribute('aria-checked', 'false');
  const row = page.getByTestId(`staff-event-${event.id}`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId(`counts-${event.id}`)).toContainText('1 / 50');
  await expect(page.getByTestId(`staff-event-${otherStoreEvent.id}`)).toHaveCount(0);
  await shot(page, testInfo, 'staff-01-home');
  await expectAccessible(page, 'staff home');
});

test('a member\'s check-in code turns the screen green, the same member again red "already checked in"', async ({}, testInfo) => {
  await page.getByTestId(`scan-event-${event.id}`).click();
  await expect(page.getByTestId('staff-scan-screen')).toBeVisible();
  await expect(page.getByTestId('scan-event')).toHaveValue(event.id);
  // No camera in this browser: the scan screen says so and keeps manual entry.
  await expect(page.getByTestId('camera')).toHaveAttribute('data-state', 'unavailable');
  await expectAccessible(page, 'scan screen');
  await shot(page, testInfo, 'staff-02-scan');

  const token = await checkInToken(event.id);
  await paste(token);
  // newMember('nora') is "Nora Tester" in Keycloak; she was the first to RSVP, so she holds seat 1.
  await expectVerdict('ok', 'Checked in — Nora Tester, seat 1 of 50');
  await expect(page.getByTestId('verdict-line')).toContainText('Door night');
  await shot(page, testInfo, 'staff-03-verdict-green');
  await expectAccessible(page, 'green verdict');
  await nextScan();
  await expect(page.getByTestId('last-verdict')).toContainText('Checked in');

  await paste(await checkInToken(event.id));
  await expectVerdict('bad', /^Already checked in at /);
  await shot(page, testInfo, 'staff-04-verdict-red');
  await expectAccessible(page, 'red verdict');
  await nextScan();
});

test('a coupon code is redeemed at the store, and the same code again is "already redeemed"', async ({}, testInfo) => {
  couponToken = (await ok<{ token: string }>(member.username, 'GET', `/api/coupons/${couponId}/qr-token`, undefined, member.password)).token;
  await paste(couponToken);
  await expectVerdict('ok', 'Coupon redeemed');
  await expect(page.getByTestId('verdict-line')).toContainText('Staff test 20% off');
  await shot(page, testInfo, 'staff-05-coupon-redeemed');
  await nextScan();

  await paste(couponToken);
  await expectVerdict('bad', /^Already redeemed at .+ in Demo Store/);
  await shot(page, testInfo, 'staff-06-coupon-already-redeemed');
  await nextScan();
});

test('a member card opens purchase entry: the purchase is recorded with its points, once per receipt', async ({}, testInfo) => {
  const card = await ok<{ qrPayload: string; memberNumber: number }>(member.username, 'GET', '/api/members/me/brands/demo-brand/card', undefined, member.password);
  const receipt = uniqueName('R-');
  let checked = false;
  const record = async () => {
    await paste(card.qrPayload);
    await expect(page.getByTestId('purchase-sheet')).toBeVisible();
    await expect(page.getByTestId('purchase-member')).toContainText(String(card.memberNumber));
    if (!checked) {
      await shot(page, testInfo, 'staff-12a-purchase-entry');
      await expectAccessible(page, 'purchase entry');
      checked = true;
    }
    await page.getByTestId('purchase-receipt').locator('input').fill(receipt);
    await page.getByTestId('purchase-amount').locator('input').fill('88.50');
    await page.getByTestId('purchase-record').click();
    await expect(page.getByTestId('verdict')).toBeVisible();
  };
  // The card's number reaches offer-service through member-service's outbox: right after the join
  // it may still be unknown there for a few seconds.
  for (let attempt = 0; ; attempt++) {
    await record();
    if ((await page.getByTestId('verdict').getAttribute('data-reason')) !== 'unknown-member-number' || attempt >= 15) break;
    await nextScan();
    await page.getByTestId('purchase-close').click();
    await page.waitForTimeout(2000);
  }
  await expectVerdict('ok', 'Purchase recorded');
  await expect(page.getByTestId('verdict-line')).toContainText('88.50 CNY');
  await shot(page, testInfo, 'staff-12b-purchase-recorded');
  await nextScan();

  await record();
  await expectVerdict('ok', 'Purchase already recorded');
  await nextScan();
});

test('a code for an event at another store is "wrong store"', async ({}, testInfo) => {
  await page.getByTestId('scan-event').selectOption('');
  await paste(await checkInToken(otherStoreEvent.id));
  await expectVerdict('bad', 'Wrong store — this event is at another store');
  await shot(page, testInfo, 'staff-07-wrong-store');
  await nextScan();

  // Not a Quanzi code at all: red at once, without asking the API.
  await paste('hello');
  await expectVerdict('bad', 'Not a Quanzi ticket or coupon code');
  await nextScan();

  await page.goto('/staff');
  await expect(page.getByTestId(`counts-${event.id}`).getByTestId('count-checked-in')).toHaveText('1');
});

test('a code shown to the camera is scanned (Chromium\'s fake camera plays a QR code)', async ({}, testInfo) => {
  // Another member's fresh code, drawn as a QR image and turned into a video the fake camera plays.
  const cam = await newMember('cam');
  await ok(cam.username, 'POST', `/api/events/${event.id}/rsvp`, undefined, cam.password);
  const token = (await ok<{ token: string }>(cam.username, 'GET', `/api/events/${event.id}/checkin-token`, undefined, cam.password)).token;
  const dir = testInfo.outputPath('camera');
  mkdirSync(dir, { recursive: true });
  await QRCode.toFile(`${dir}/qr.png`, token, { width: 440, margin: 4 });
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y', '-loop', '1', '-i', `${dir}/qr.png`,
    '-vf', 'pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p', '-frames:v', '30', '-r', '15', `${dir}/qr.y4m`,
  ]);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${dir}/qr.y4m`,
    ],
  });
  try {
    const camera = await browser.newContext({
      baseURL: BASE,
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
      timezoneId: 'Asia/Shanghai',
      permissions: ['camera'],
      storageState: await context.storageState(), // sam's session and store choice
    });
    const scanner = await camera.newPage();
    await scanner.goto(`/staff/scan?event=${event.id}`);
    await expect(scanner.getByTestId('camera')).toHaveAttribute('data-state', 'on');
    await expect(scanner.getByTestId('verdict')).toHaveAttribute('data-tone', 'ok', { timeout: 20_000 });
    await expect(scanner.getByTestId('verdict-title')).toHaveText('Checked in — Cam Tester, seat 2 of 50');
    await shot(scanner, testInfo, 'staff-08-camera-scan');
  } finally {
    await browser.close();
  }
  const attendees = await ok<{ memberId: string; checkedInAt: string | null }[]>('sam', 'GET', `/api/events/${event.id}/attendees`);
  expect(attendees.filter((a) => a.checkedInAt !== null)).toHaveLength(2);
});

test('the attendee list finds a member by name and shows who is in, with the time, and who is not yet', async ({}, testInfo) => {
  const nell = await newMember('nell');
  await ok(nell.username, 'POST', `/api/events/${event.id}/rsvp`, undefined, nell.password);
  await page.goto('/staff');
  await page.getByTestId(`attendees-${event.id}`).click();
  await expect(page.getByTestId('attendees-screen')).toBeVisible();
  await expect(page.getByTestId('attendees-confirmed')).toHaveText('3');
  await expect(page.getByTestId('attendees-checked-in')).toHaveText('2');

  const attendees = await ok<{ memberId: string; memberName: string | null; seat: number | null }[]>('sam', 'GET', `/api/events/${event.id}/attendees`);
  const nora = attendees.find((a) => a.memberName === 'Nora Tester');
  const nellRow = attendees.find((a) => a.memberName === 'Nell Tester');
  expect(nora?.seat).toBe(1);
  expect(nellRow?.seat).toBe(3);

  await page.getByTestId('attendee-search').locator('input').fill('nora');
  const row = page.getByTestId(`attendee-${nora!.memberId}`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-checked-in', 'true');
  await expect(row).toContainText('Nora Tester');
  await expect(row).toContainText('Seat 1');
  await expect(row).toContainText(/Checked in \d{1,2}:\d{2}/);
  await expect(page.locator('[data-testid^="attendee-"][data-checked-in]')).toHaveCount(1);
  await shot(page, testInfo, 'staff-13-attendees-search');

  await page.getByTestId('attendee-search').locator('input').fill('');
  await page.getByTestId('attendee-filter-out').click();
  await expect(page.getByTestId(`attendee-${nellRow!.memberId}`)).toContainText('Not yet');
  await expect(page.getByTestId(`attendee-${nora!.memberId}`)).toHaveCount(0);
  await shot(page, testInfo, 'staff-14-attendees-not-yet');
  await expectAccessible(page, 'attendee list');

  await page.getByTestId('attendee-filter-all').click();
  await page.getByTestId('attendee-search').locator('input').fill('nobody-by-this-name');
  await expect(page.getByTestId('attendees-no-match')).toHaveText('No one matches “nobody-by-this-name”.');
});

test('with the network gone: the app opens from the service worker, three codes are saved offline, a forged one is red at once, and they sync exactly once', async ({}, testInfo) => {
  // The service worker exists only in a production build (the gateway's app, `vite preview`), not on the dev server.
  const sw = await page.request.get('/sw.js');
  test.skip(!sw.ok() || !(sw.headers()['content-type'] ?? '').includes('javascript'), 'no service worker on a dev server');

  const people = [await newMember('olga'), await newMember('omar'), await newMember('otis')];
  for (const person of people) {
    await ok(person.username, 'POST', '/api/members/me/brands/demo-brand/membership', {}, person.password);
    await ok(person.username, 'POST', `/api/events/${event.id}/rsvp`, undefined, person.password);
  }

  // First visit online: staff mode installs the service worker and keeps the check-in keys.
  await page.goto(`/staff/scan?event=${event.id}`);
  await expect(page.getByTestId('staff-scan-screen')).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('quanzi.staff.checkinJwks') !== null)).toBe(true);

  const tokens: string[] = [];
  for (const person of people) {
    tokens.push((await ok<{ token: string }>(person.username, 'GET', `/api/events/${event.id}/checkin-token`, undefined, person.password)).token);
  }
  const claims = tokens.map((t) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as { sub: string; iat: number });
  const subjects = claims.map((c) => c.sub);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('staff-scan-screen')).toBeVisible();
  for (const token of tokens) {
    await paste(token);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-tone', 'warn');
    await expect(page.getByTestId('verdict-title')).toHaveText('Saved offline — will sync');
    if (token === tokens[0]) await shot(page, testInfo, 'staff-09-verdict-offline');
    await nextScan();
  }
  const [head, body, signature] = tokens[0]!.split('.');
  const forged = `${head}.${body}.${signature!.slice(0, -6)}${signature!.slice(-6).split('').reverse().join('')}`;
  await paste(forged);
  await expectVerdict('bad', 'Not a valid code — it may be forged');
  await nextScan();
  await expect(page.getByTestId('pending-count')).toHaveText('Waiting to sync: 3');
  await shot(page, testInfo, 'staff-10-offline-queue');

  // Closing the page loses nothing: a new page (still offline) finds the three scans waiting.
  await page.close();
  page = await context.newPage();
  await page.goto(`/staff/scan?event=${event.id}`);
  await expect(page.getByTestId('pending-count')).toHaveText('Waiting to sync: 3');

  // The network is back: the queue syncs by itself, each member checked in once.
  await context.setOffline(false);
  await expect(page.getByTestId('synced').locator('li[data-status=CHECKED_IN]')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId('pending-count')).toHaveText('Waiting to sync: 0');
  await shot(page, testInfo, 'staff-11-synced');

  const attendees = await ok<{ memberId: string; checkedInAt: string | null }[]>('sam', 'GET', `/api/events/${event.id}/attendees`);
  for (const subject of subjects) {
    expect(attendees.filter((a) => a.memberId === subject && a.checkedInAt !== null)).toHaveLength(1);
  }
  // A sync repeated after a lost answer doubles nothing: the server says "already checked in".
  const again = await ok<{ results: { status: string }[] }>('sam', 'POST', '/api/checkins/batch', {
    items: [{ token: tokens[0], scannedAt: new Date((claims[0]!.iat + 1) * 1000).toISOString() }],
  });
  expect(again.results[0]!.status).toBe('ALREADY_CHECKED_IN');

  // And the attendance points arrive in each wallet (through the check-in outbox).
  for (const person of people) {
    await expect(async () => {
      const history = await ok<{ items: { activity: string; points: number }[] }>(
        person.username, 'GET', '/api/points/me/history?brandId=demo-brand', undefined, person.password,
      );
      expect(history.items.some((i) => i.activity === 'CHECK_IN' && i.points === 30)).toBe(true);
    }).toPass({ timeout: 60_000, intervals: [1000, 2000, 3000] });
  }
});
