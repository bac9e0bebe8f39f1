import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { call, createEventNow, createOffer, expectAccessible, newMember, ok, shot, uniqueName } from './support';

// One new person's whole journey, in order: each step builds on the one before (same browser).
test.describe.configure({ mode: 'serial' });

const person = { username: uniqueName('mia'), password: 'Mia-e2e-pass-1', first: 'Mia', last: 'Chen' };
let page: Page;
let context: BrowserContext;
let inviteCode: string;
let event: { id: string };
let offer: { id: string };
let inviter: { username: string; password: string };

test.beforeAll(async ({ browser }) => {
  // A club member (made for this run) invites a friend; ada (brand admin) sets up an event and an offer.
  inviter = await newMember('leo');
  const { username, password } = inviter;
  await ok(username, 'PATCH', '/api/members/me', { displayName: 'Leo' }, password);
  await ok(username, 'POST', '/api/members/me/brands/demo-brand/membership', {}, password);
  inviteCode = (await ok<{ code: string }>(username, 'GET', '/api/members/me/brands/demo-brand/invite', undefined, password)).code;
  event = await createEventNow(uniqueName('Tasting night '));
  offer = await createOffer(uniqueName('Latte 20% off '));
  context = await browser.newContext();
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
});

test('a new person opens an invite link, registers on the Keycloak page and comes back a club member attributed to the inviter', async ({}, testInfo) => {
  await page.goto(`/join/${inviteCode}`);
  await expect(page.getByTestId('invite-landing')).toBeVisible();
  await expect(page.getByTestId('inviter')).toHaveText('Leo invited you');
  await shot(page, testInfo, '01-invite-landing');
  await expectAccessible(page, 'invite landing');

  await page.getByTestId('landing-join').click();
  // prompt=create: Keycloak opens its registration form straight away, not the login form.
  await page.waitForURL(/\/realms\/quanzi\//);
  await expect(page.locator('#kc-register-form')).toBeVisible();
  await shot(page, testInfo, '02-keycloak-registration');
  await page.locator('#username').fill(person.username);
  await page.locator('#email').fill(`${person.username}@example.com`);
  await page.locator('#firstName').fill(person.first);
  await page.locator('#lastName').fill(person.last);
  await page.locator('#password').fill(person.password);
  await page.locator('#password-confirm').fill(person.password);
  await page.locator('[type=submit]').click();

  await page.waitForURL(new RegExp(`/join/${inviteCode}`));
  await expect(page.getByTestId('joined')).toBeVisible();
  await expect(page.getByText('Your friend gets points for inviting you.')).toBeVisible();
  await shot(page, testInfo, '03-joined-by-invite');

  const after = await ok<{ membersInvited: number }>(inviter.username, 'GET', '/api/members/me/export', undefined, inviter.password);
  expect(after.membersInvited).toBe(1);
});

test('a first-time member goes through the short onboarding, then sees the home screen', async ({}, testInfo) => {
  await page.goto('/');
  await page.waitForURL(/\/welcome/);
  await expect(page.getByTestId('onboarding-name')).toBeVisible();
  await shot(page, testInfo, '04-onboarding');
  await expectAccessible(page, 'onboarding');
  await page.getByTestId('onboarding-name').locator('input').fill('Mia C.');
  await page.getByTestId('choice-demo-store-1').click();
  await page.getByTestId('onboarding-consent').click();
  await page.getByTestId('onboarding-done').click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect(page.getByText('Hello, Mia C.')).toBeVisible();
  await expect(page.getByTestId('points-card')).toBeVisible();
  await shot(page, testInfo, '05-home');
  await expectAccessible(page, 'home');
});

test('the member RSVPs to an event, opens the ticket QR, and it turns into "Checked in" when staff scan it', async ({}, testInfo) => {
  await page.goto('/events');
  await expect(page.getByTestId(`event-${event.id}`)).toBeVisible();
  await expectAccessible(page, 'events');
  await page.getByTestId(`event-${event.id}`).click();
  await page.getByTestId('rsvp').click();
  await expect(page.getByTestId('open-ticket')).toBeVisible();
  await shot(page, testInfo, '06-event-detail');
  await expectAccessible(page, 'event detail');

  await page.getByTestId('open-ticket').click();
  await expect(page.getByTestId('qr-canvas')).toBeVisible();
  await expect(page.locator('.van-toast')).toBeHidden();
  await expect(page.getByTestId('countdown')).toContainText('New code in');
  await shot(page, testInfo, '07-ticket-qr');
  await expectAccessible(page, 'ticket');

  const token = await page.getByTestId('qr-canvas').getAttribute('data-value');
  expect(token).toBeTruthy();
  const scan = await call<{ status: string }>('sam', 'POST', '/api/checkins', { token, eventId: event.id });
  expect(scan.status).toBe(201);

  await expect(page.getByTestId('checked-in')).toContainText('Checked in at', { timeout: 20_000 });
  await expect(page.getByTestId('qr-canvas')).toHaveCount(0);
  await shot(page, testInfo, '08-ticket-checked-in');
});

test('the attendance points appear on the home screen', async ({}, testInfo) => {
  // welcome points for joining + 30 for attending; the points travel through an outbox, so wait.
  await expect(async () => {
    await page.goto('/');
    const balance = Number((await page.getByTestId('points-balance').innerText()).replace(/\D/g, ''));
    expect(balance).toBeGreaterThanOrEqual(30);
  }).toPass({ timeout: 60_000, intervals: [1000, 2000, 3000] });
  await shot(page, testInfo, '09-home-with-points');
  await page.goto('/points');
  await expect(page.getByText('Event check-in')).toBeVisible();
  await shot(page, testInfo, '10-points-history');
});

test('the member claims a coupon with a double tap and gets exactly one, then opens its QR', async ({}, testInfo) => {
  await page.goto('/offers');
  await expect(page.getByTestId(`offer-${offer.id}`)).toBeVisible();
  await shot(page, testInfo, '11-offers');
  await expectAccessible(page, 'offers');
  await page.getByTestId(`offer-${offer.id}`).click();
  await expectAccessible(page, 'offer detail');
  await page.getByTestId('claim').dblclick();
  await page.waitForURL(/\/coupons\//);
  await expect(page.getByTestId('qr-canvas')).toBeVisible();
  await shot(page, testInfo, '12-coupon-qr');
  await expectAccessible(page, 'coupon');

  const mine = await call<{ offerId: string }[]>(person.username, 'GET', '/api/coupons/me?status=active', undefined, person.password);
  expect(mine.status).toBe(200);
  expect(mine.body.filter((c) => c.offerId === offer.id)).toHaveLength(1);

  await page.goto('/coupons');
  await expect(page.locator('[data-testid^="coupon-"]')).toHaveCount(1);
  await expectAccessible(page, 'coupons');
});

test('the member card, circles and profile screens are usable', async ({}, testInfo) => {
  await page.goto('/club');
  await expect(page.getByTestId('member-card')).toBeVisible();
  await expect(page.getByTestId('member-number')).toHaveText(/\d+/);
  await shot(page, testInfo, '13-member-card');
  await expectAccessible(page, 'member card');
  await page.goto('/club/invite');
  await expect(page.getByTestId('invite-code')).toBeVisible();
  await expectAccessible(page, 'invite friends');
  await page.goto('/communities');
  await shot(page, testInfo, '14-circles');
  await expectAccessible(page, 'circles');
  await page.goto('/me');
  await expect(page.getByTestId('sign-out')).toBeVisible();
  await expectAccessible(page, 'profile');
});

test('in Chinese the app shows Chinese text and Chinese dates', async ({}, testInfo) => {
  await page.goto('/me');
  await page.getByTestId('choice-zh-CN').click();
  await page.goto('/');
  await expect(page.getByText('我的积分')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // dates of the upcoming event, formatted for zh-CN: "2026年12月1日 …"
  await expect(page.getByText(/\d{4}年\d{1,2}月\d{1,2}日/).first()).toBeVisible();
  await shot(page, testInfo, '15-home-zh-CN');
  await expectAccessible(page, 'home (zh-CN)');
});
