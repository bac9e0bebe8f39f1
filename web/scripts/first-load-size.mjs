// The member home's first load: the JS and CSS a browser fetches to show `/` for the first time
// (the entry, its static imports, and the home route's chunk with its static imports), gzip sizes,
// from the build manifest. Run after `npm run build`: `npm run size`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));
const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
const home = Object.keys(manifest).find((key) => key.endsWith('features/home/HomeView.vue'));
if (!entry || !home) throw new Error('manifest has no entry or no home route');

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entry);
visit(home);

let js = 0;
let css = 0;
const rows = [];
for (const file of files) {
  const size = gzipSync(readFileSync(`dist/${file}`)).length;
  if (file.endsWith('.css')) css += size;
  else js += size;
  rows.push([file, size]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, size] of rows) console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
console.log(`First load of the member home: JS ${(js / 1024).toFixed(1)} KB gzip, CSS ${(css / 1024).toFixed(1)} KB gzip (${files.size} files)`);
