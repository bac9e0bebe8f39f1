// Lighthouse (mobile emulation, the system Chromium) of the member home of a running Quanzi:
// signs a demo member in through the real Keycloak page with Playwright, hands the session cookie to
// Lighthouse, and prints the performance and accessibility scores. Usage, with ./run.sh running:
//   node scripts/lighthouse-home.mjs [baseUrl] [username]
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const base = process.argv[2] ?? 'http://localhost:8080';
const username = process.argv[3] ?? 'alice';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`${base}/session/login?return=/`);
await page.locator('#username').fill(username);
await page.locator('#password').fill(`${username}-demo`);
await page.locator('[type=submit]').click();
await page.waitForURL((url) => url.origin === base);
// A first-time member would see the onboarding instead of the home: record a language first.
const csrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
await page.evaluate(async (token) => {
  await fetch('/api/members/me', {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
    body: JSON.stringify({ locale: 'en' }),
  });
}, csrf);
const cookie = (await page.context().cookies())
  .filter((c) => c.name === 'SESSION' || c.name === 'XSRF-TOKEN')
  .map((c) => `${c.name}=${c.value}`)
  .join('; ');
await browser.close();

mkdirSync('lighthouse', { recursive: true });
execFileSync(
  'npx',
  [
    'lighthouse',
    `${base}/`,
    `--chrome-path=${chromiumPath}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
    '--form-factor=mobile',
    '--only-categories=performance,accessibility',
    `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    '--output=json',
    '--output=html',
    '--output-path=lighthouse/member-home',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
const report = JSON.parse(readFileSync('lighthouse/member-home.report.json', 'utf8'));
const score = (id) => Math.round(report.categories[id].score * 100);
const audit = (id) => report.audits[id]?.displayValue ?? '';
console.log(`Lighthouse ${report.lighthouseVersion}, mobile, ${base}/ as ${username}`);
console.log(`performance ${score('performance')}, accessibility ${score('accessibility')}`);
console.log(`FCP ${audit('first-contentful-paint')}, LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}, CLS ${audit('cumulative-layout-shift')}`);
