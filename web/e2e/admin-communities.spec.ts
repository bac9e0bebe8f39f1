import { expect, test, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { ARTIFACTS, call, expectAccessible, newMember, ok, shot } from './support';

// Admin mode, running communities: members made here join through a share chain (sia → vic → wes),
// apply to an approval-required circle (ana), report a post; ada approves the application, appoints
// a moderator, invites ivo into a core group found by the member search, hides the reported post
// from the moderation queue and reads the share tree's nodes from its table view. Nothing is taken
// from other specs or the demo users' state (ada only signs in).
test.describe.configure({ mode: 'serial' });

const DESKTOP = { width: 1280, height: 860 };
const tag = Date.now().toString(36).slice(-5);
let context: BrowserContext;
let page: Page;
type Who = { username: string; password: string; name: string; id: string };
const people: Record<'sia' | 'vic' | 'wes' | 'ana' | 'ivo', Who> = {} as never;
const made = { circle: '', inner: '', core: '', post: '', application: `I roast at home every weekend ${tag}` };

async function person(prefix: 'sia' | 'vic' | 'wes' | 'ana' | 'ivo'): Promise<Who> {
  const login = await newMember(`${prefix}${tag}`);
  const me = await ok<{ subject: string }>(login.username, 'GET', '/api/members/me', undefined, login.password);
  // Keycloak's token names them "<First> Tester": community-service stores that name when they join or visit.
  return { ...login, id: me.subject, name: `${prefix.charAt(0).toUpperCase()}${prefix.slice(1)}${tag} Tester` };
}

const as = <T>(who: Who, method: string, path: string, body?: unknown) => ok<T>(who.username, method, path, body, who.password);

/** axe, then a phone and a desktop screenshot of the screen as it is. */
async function check(testInfo: TestInfo, screen: string): Promise<void> {
  await expectAccessible(page, screen);
  await shot(page, testInfo, `admin-communities-${screen}-phone`);
  await page.setViewportSize(DESKTOP);
  await shot(page, testInfo, `admin-communities-${screen}-desktop`);
  await page.setViewportSize({ width: 360, height: 740 });
}

test.beforeAll(async ({ browser }) => {
  for (const key of ['sia', 'vic', 'wes', 'ana', 'ivo'] as const) people[key] = await person(key);
  const { sia, vic, wes, ana, ivo } = people;
  made.circle = (await ok<{ id: string }>('ada', 'POST', '/api/communities', { brandId: 'demo-brand', name: `Spread circle ${tag}`, kind: 'INTEREST_CIRCLE', joinPolicy: 'OPEN' })).id;
  made.inner = (await ok<{ id: string }>('ada', 'POST', '/api/communities', { brandId: 'demo-brand', name: `Home roasters ${tag}`, kind: 'CLUB', joinPolicy: 'APPROVAL_REQUIRED' })).id;
  made.core = (await ok<{ id: string }>('ada', 'POST', '/api/communities', { brandId: 'demo-brand', name: `Core fans ${tag}`, kind: 'CORE_GROUP', joinPolicy: 'INVITE_ONLY' })).id;

  // The share chain: sia shares a post, vic arrives through it and joins, shares on; wes arrives through vic's link and joins.
  await as(sia, 'POST', `/api/communities/${made.circle}/join`, {});
  made.post = (await as<{ id: string }>(sia, 'POST', `/api/communities/${made.circle}/posts`, { text: `Cheap beans here, click fast ${tag}` })).id;
  const first = await as<{ code: string }>(sia, 'POST', `/api/communities/posts/${made.post}/shares`);
  await as(vic, 'GET', `/api/communities/shares/${first.code}`);
  await as(vic, 'POST', `/api/communities/${made.circle}/join`, {});
  const second = await as<{ code: string }>(vic, 'POST', `/api/communities/posts/${made.post}/shares`);
  await as(wes, 'GET', `/api/communities/shares/${second.code}`);
  await as(wes, 'POST', `/api/communities/${made.circle}/join`, {});
  // Two members report sia's post.
  await as(vic, 'POST', `/api/communities/posts/${made.post}/reports`, { reason: 'Spam' });
  await as(wes, 'POST', `/api/communities/posts/${made.post}/reports`, { reason: 'Spam' });
  // ana applies with a message; ivo is a club member the admin can find by name.
  await as(ana, 'POST', `/api/communities/${made.inner}/join`, { application: made.application });
  await as(ivo, 'PATCH', '/api/members/me', { displayName: `Ivo ${tag}` });
  await as(ivo, 'POST', '/api/members/me/brands/demo-brand/membership', {});

  context = await browser.newContext();
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
});

test('ada approves the application with its name and message, and appoints the new member moderator', async ({}, testInfo) => {
  await page.goto('/admin');
  await page.waitForURL(/\/realms\/quanzi\//);
  await page.locator('#username').fill('ada');
  await page.locator('#password').fill('ada-demo');
  await page.locator('[type=submit]').first().click();
  await page.waitForURL(/\/admin\/dashboard/);

  await page.getByTestId('nav-admin-communities').click();
  await page.getByTestId(`manage-${made.inner}`).click();
  await expect(page.getByTestId('admin-community-manage')).toBeVisible();
  const request = page.getByTestId(`pending-${people.ana.id}`);
  await expect(request).toContainText(people.ana.name);
  await expect(request).toContainText(made.application);
  await check(testInfo, 'manage');

  await page.getByTestId(`approve-${people.ana.id}`).click();
  await expect(request).toBeHidden();
  const member = page.getByTestId(`member-${people.ana.id}`);
  await expect(member).toContainText(people.ana.name);
  await page.getByTestId(`role-${people.ana.id}`).selectOption('MODERATOR');
  await expect(page.getByTestId(`role-tag-${people.ana.id}`)).toHaveText('Moderator');
  const moderators = await ok<{ items: { memberId: string; role: string }[] }>('ada', 'GET', `/api/communities/${made.inner}/members?role=MODERATOR`);
  expect(moderators.items.map((m) => m.memberId)).toEqual([people.ana.id]);
});

test('ada edits the core group, which stays invitation-only, and invites a member found by name', async ({}, testInfo) => {
  await page.goto(`/admin/communities/${made.core}`);
  await expect(page.getByTestId('edit-policy')).toBeDisabled();
  await page.getByTestId('edit-description').fill(`Our most loyal fans ${tag}`);
  await page.getByTestId('edit-save').click();
  await expect(page.locator('.van-toast')).toContainText('Saved');
  const core = await ok<{ description: string; joinPolicy: string }>('ada', 'GET', `/api/communities/${made.core}`);
  expect(core).toMatchObject({ description: `Our most loyal fans ${tag}`, joinPolicy: 'INVITE_ONLY' });

  await page.getByTestId('invite-q').fill(`Ivo ${tag}`);
  await page.getByTestId('invite-search').click();
  await expect(page.getByTestId(`invite-result-${people.ivo.id}`)).toContainText(`Ivo ${tag}`);
  await page.getByTestId(`invite-${people.ivo.id}`).click();
  await expect(page.getByTestId(`invite-${people.ivo.id}`)).toHaveText('Invited');
  await check(testInfo, 'core-group');
  const mine = await as<{ status: string }>(people.ivo, 'GET', `/api/communities/${made.core}/membership`);
  expect(mine.status).toBe('INVITED');
});

test('ada hides the reported post from the moderation queue', async ({}, testInfo) => {
  await page.getByTestId('nav-admin-moderation').click();
  const report = page.getByTestId(`report-${made.post}`);
  await expect(report).toContainText(people.sia.name);
  await expect(report).toContainText(`Spread circle ${tag}`);
  await expect(page.getByTestId(`report-count-${made.post}`)).toHaveText('2 reports');
  await expect(report).toContainText('Spam × 2');
  await check(testInfo, 'moderation');

  await page.getByTestId(`hide-${made.post}`).click();
  await expect(report).toBeHidden();
  await page.getByTestId('moderation-show').selectOption('hidden');
  await expect(page.getByTestId(`report-state-${made.post}`)).toHaveText('Hidden');
  // Members no longer see it.
  const seen = await call(people.wes.username, 'GET', `/api/communities/posts/${made.post}`, undefined, people.wes.password);
  expect(seen.status).toBe(404);
});

test('the dashboard draws the share chain as a tree with the right nodes in its table view', async ({}, testInfo) => {
  await page.getByTestId('nav-admin-dashboard').click();
  const card = page.getByTestId('chart-share-tree');
  await expect(card.locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chart-retention')).toBeVisible();
  await card.getByTestId('table-toggle-share-tree').click();
  const rows = card.getByTestId('table-share-tree').locator('tbody tr');
  const row = (name: string) => rows.filter({ has: page.locator('th', { hasText: name }) });
  const { sia, vic, wes } = people;
  await expect(row(sia.name).locator('td')).toHaveText(['0', '—', '1', 'Shared first']);
  await expect(row(vic.name).locator('td')).toHaveText(['1', sia.name, '1', 'Joined']);
  await expect(row(wes.name).locator('td')).toHaveText(['2', vic.name, '0', 'Joined']);
  await expect(page.getByTestId('tree-kFactor')).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  // The tree card alone too: on a phone the full-page shot is very tall.
  await card.screenshot({ path: `${ARTIFACTS}/admin-communities-share-tree-card-phone.png` });
  await check(testInfo, 'share-tree');
});
