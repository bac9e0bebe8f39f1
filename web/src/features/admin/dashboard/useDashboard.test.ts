import { afterEach, describe, expect, it, vi } from 'vitest';
import { suggestionKey, useDashboard } from './useDashboard';

afterEach(() => vi.restoreAllMocks());

describe('suggestionKey', () => {
  it('splits crowded circles, seeds small ones, revives declining ones', () => {
    expect(suggestionKey('CROWDED', 620)).toBe('admin.health.suggest.split');
    expect(suggestionKey('SEEDING', 12)).toBe('admin.health.suggest.seed');
    expect(suggestionKey('DECLINING', 80)).toBe('admin.health.suggest.revive');
    expect(suggestionKey('LIVELY', 120)).toBe('admin.health.suggest.keep');
  });
});

describe('useDashboard', () => {
  it('asks for the range and granularity in the brand and keeps a failure for the error state', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url);
      if (url.includes('leaderboard')) return new Response('{"type":"urn:quanzi:problem:not-brand-admin-of-brand","title":"Forbidden"}', { status: 403, headers: { 'Content-Type': 'application/problem+json' } });
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }));
    const dashboard = useDashboard(() => 'demo-brand', () => 'Asia/Shanghai');
    dashboard.range.value = { from: '2026-11-01', to: '2026-11-30' };
    dashboard.granularity.value = 'WEEK';
    await dashboard.load();
    expect(urls).toContain('/api/communities/analytics/brands/demo-brand?from=2026-11-01&to=2026-11-30&granularity=WEEK');
    expect(urls).toContain('/api/brands/demo-brand/referrals/leaderboard?limit=10');
    expect(dashboard.loading.value).toBe(false);
    expect((dashboard.error.value as { slug: string }).slug).toBe('not-brand-admin-of-brand');
  });
});
