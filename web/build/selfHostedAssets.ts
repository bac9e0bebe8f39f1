import type { Plugin } from 'vite';

// Every file the app needs is served by the gateway: nothing is fetched from another host at run
// time (the CSP allows only 'self' and data: for fonts anyway). Vant's icon font ships as an inline
// WOFF2 plus a fallback WOFF on a CDN; the fallback is dropped here, and the build fails if any CSS
// it emits still points at another host.

/** `,url(//host/…) format("…")` or `url(https://…)` sources inside an `@font-face` `src` list. */
const REMOTE_FONT_SOURCE = /,\s*url\((?:https?:)?\/\/[^)]*\)\s*format\("[^"]*"\)/g;
const REMOTE_URL = /url\(\s*["']?(?:https?:)?\/\//;

export function withoutRemoteFontSources(css: string): string {
  return css.replace(REMOTE_FONT_SOURCE, '');
}

export function remoteUrlIn(css: string): string | undefined {
  const match = REMOTE_URL.exec(css);
  return match ? css.slice(match.index, match.index + 80) : undefined;
}

export function selfHostedAssets(): Plugin {
  return {
    name: 'quanzi-self-hosted-assets',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0].endsWith('.css') || !code.includes('@font-face')) return null;
      const stripped = withoutRemoteFontSources(code);
      return stripped === code ? null : { code: stripped, map: null };
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
        const remote = remoteUrlIn(String(file.source));
        if (remote) this.error(`${file.fileName} loads from another host: ${remote}`);
      }
    },
  };
}
