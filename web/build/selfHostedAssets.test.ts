import { describe, expect, it } from 'vitest';
import { remoteUrlIn, withoutRemoteFontSources } from './selfHostedAssets';

describe('self-hosted assets', () => {
  const vantIconFace =
    '@font-face{font-family:vant-icon;src:url(data:font/woff2;base64,AAAA) format("woff2"),' +
    'url(//at.alicdn.com/t/c/font_1.woff?t=1) format("woff"),url(https://at.alicdn.com/t/c/font_1.ttf) format("truetype")}';

  it('drops the CDN fallbacks of a font and keeps the inline one', () => {
    const css = withoutRemoteFontSources(vantIconFace);
    expect(css).toBe('@font-face{font-family:vant-icon;src:url(data:font/woff2;base64,AAAA) format("woff2")}');
    expect(remoteUrlIn(css)).toBeUndefined();
  });

  it('finds a URL on another host, with or without a scheme or quotes', () => {
    expect(remoteUrlIn(vantIconFace)).toContain('//at.alicdn.com');
    expect(remoteUrlIn('a{background:url("https://cdn.example/x.png")}')).toContain('cdn.example');
    expect(remoteUrlIn('a{background:url(/assets/x.png)}')).toBeUndefined();
    expect(remoteUrlIn('a{background:url(data:image/png;base64,AA)}')).toBeUndefined();
  });
});
