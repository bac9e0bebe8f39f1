import { describe, expect, it } from 'vitest';
import {
  brandFormErrors,
  emptyStoreForm,
  formToBrandRequest,
  formToStoreRequest,
  storeFormErrors,
  storeJoinLink,
  storeToForm,
  suggestStoreId,
  type BrandForm,
} from './brandForm';

const brand = (overrides: Partial<BrandForm> = {}): BrandForm => ({
  name: 'Demo Tea',
  slug: 'demo-brand',
  logoUrl: 'https://img.example.com/logo.png',
  description: 'Tea for friends',
  defaultLocale: 'zh-CN',
  timezone: 'Asia/Shanghai',
  ...overrides,
});

describe('brand form', () => {
  it('accepts a valid brand and trims what it sends, empty optional fields as null', () => {
    expect(brandFormErrors(brand())).toEqual({});
    expect(formToBrandRequest(brand({ name: '  Demo Tea ', logoUrl: ' ', description: '' }))).toEqual({
      name: 'Demo Tea',
      slug: 'demo-brand',
      logoUrl: null,
      description: null,
      defaultLocale: 'zh-CN',
      timezone: 'Asia/Shanghai',
    });
  });

  it('refuses what the service refuses: no name, a non-https logo, an unknown zone, too long a text', () => {
    expect(brandFormErrors(brand({ name: ' ' })).name).toBe('admin.form.required');
    expect(brandFormErrors(brand({ logoUrl: 'http://img.example.com/a.png' })).logoUrl).toBe('admin.brandSettings.httpsUrl');
    expect(brandFormErrors(brand({ logoUrl: 'not a url' })).logoUrl).toBe('admin.brandSettings.httpsUrl');
    expect(brandFormErrors(brand({ timezone: 'Mars/Olympus' })).timezone).toBe('admin.brandSettings.unknownZone');
    expect(brandFormErrors(brand({ description: 'x'.repeat(2001) })).description).toBe('admin.brandSettings.tooLong');
  });
});

describe('store form', () => {
  const valid = { ...emptyStoreForm('Asia/Shanghai'), id: 'demo-brand-xuhui', name: 'Xuhui', address: '1 Road', lat: 31.2, lon: 121.4 };

  it('needs an id for a new store only, coordinates in range and a known zone', () => {
    expect(storeFormErrors(valid, true)).toEqual({});
    expect(storeFormErrors({ ...valid, id: 'Bad Id' }, true).id).toBe('admin.stores.idRule');
    expect(storeFormErrors({ ...valid, id: '' }, false).id).toBeUndefined();
    expect(storeFormErrors({ ...valid, lat: 91 }, true).lat).toBe('admin.stores.latRange');
    expect(storeFormErrors({ ...valid, lon: '' }, true).lon).toBe('admin.stores.lonRange');
    expect(storeFormErrors({ ...valid, address: '' }, true).address).toBe('admin.form.required');
  });

  it('round-trips a store and sends lat/lon as numbers', () => {
    const form = storeToForm({
      id: 's1',
      brandId: 'b',
      name: 'One',
      address: 'A',
      location: { lat: 1.5, lon: 2.5 },
      openingHours: null,
      timezone: 'UTC',
      status: 'OPEN',
    });
    expect(formToStoreRequest(form)).toEqual({
      name: 'One',
      address: 'A',
      location: { lat: 1.5, lon: 2.5 },
      openingHours: null,
      timezone: 'UTC',
      status: 'OPEN',
    });
  });

  it('suggests a store id from the name and builds the join link of its QR', () => {
    expect(suggestStoreId('demo-brand', "Jing'an Flagship")).toBe('demo-brand-jing-an-flagship');
    expect(suggestStoreId('demo-brand', '静安店')).toMatch(/^demo-brand-store-[a-z0-9]+$/);
    expect(storeJoinLink('https://app.example.com', 'demo-brand', 'demo-store-1')).toBe(
      'https://app.example.com/club?brandId=demo-brand&storeId=demo-store-1&source=store',
    );
  });
});
