import { expect, test } from '@playwright/test';
import { expectAccessible, newMember, ok, shot, uniqueName } from './support';

// Word of mouth: a member shares a post; a person without an account opens the link and sees the
// circle, the post and who shared it, then joins through sign-up (the visit is what credits the share).
test('a share link opens a public preview of the post, naming the sharer', async ({ browser }, testInfo) => {
  const community = await ok<{ id: string }>('ada', 'POST', '/api/communities', {
    brandId: 'demo-brand',
    name: uniqueName('Latte art circle '),
    description: 'Pour, swirl, share.',
    kind: 'INTEREST_CIRCLE',
    joinPolicy: 'OPEN',
  });
  const sharer = await newMember('ivy');
  await ok(sharer.username, 'POST', `/api/communities/${community.id}/join`, {}, sharer.password);
  const post = await ok<{ id: string }>(
    sharer.username,
    'POST',
    `/api/communities/${community.id}/posts`,
    { text: 'My first rosetta! Who joins Saturday?' },
    sharer.password,
  );
  const share = await ok<{ code: string; url: string }>(
    sharer.username,
    'POST',
    `/api/communities/posts/${post.id}/shares`,
    undefined,
    sharer.password,
  );
  expect(share.url).toContain(`/s/${share.code}`);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/s/${share.code}`);
  await expect(page.getByTestId('share-landing')).toBeVisible();
  await expect(page.getByText('Shared by Ivy Tester')).toBeVisible();
  await expect(page.getByText('My first rosetta! Who joins Saturday?')).toBeVisible();
  await expect(page.getByTestId('share-open')).toHaveText('Sign up to join the conversation');
  await shot(page, testInfo, '20-share-landing');
  await expectAccessible(page, 'share landing');
  await page.getByTestId('share-open').click();
  await expect(page.locator('#kc-register-form')).toBeVisible();
  await context.close();
});
