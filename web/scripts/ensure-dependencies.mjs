// Runs `npm ci` only when node_modules is missing or was installed from another lock file, so the
// Maven build stays fast on repeat runs while a changed lock file always gets a clean install.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const marker = 'node_modules/.quanzi-lock-hash';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const installed = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';

if (installed === lockHash) {
  console.log('npm dependencies are up to date with package-lock.json');
} else {
  console.log('Installing npm dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  writeFileSync(marker, lockHash);
}
