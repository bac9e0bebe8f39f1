import type { Brand, Store } from '@/api/members';
import type { BrandRequest, StoreRequest, StoreStatus } from '@/api/adminBrand';

// The brand and store forms: what member-service's BrandRequest and StoreRequest accept, checked
// here first so a person sees which field to fix (the service checks again and answers problem+json).

type Errors<T> = Partial<Record<keyof T, string>>;

export interface BrandForm {
  name: string;
  slug: string;
  logoUrl: string;
  description: string;
  defaultLocale: string;
  timezone: string;
}

export interface StoreForm {
  id: string;
  name: string;
  address: string;
  lat: number | '';
  lon: number | '';
  openingHours: string;
  timezone: string;
  status: StoreStatus;
}

/** The languages the app speaks; a brand's default language is one of them. */
export const BRAND_LOCALES = ['zh-CN', 'en', 'es', 'ja'] as const;

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const TIMEZONE = /^([A-Za-z]+(\/[A-Za-z0-9_+-]+){0,2}|UTC)$/;
const STORE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Whether the browser knows the zone (the service checks against Java's list, which is the same IANA data). */
export function knownTimezone(zone: string): boolean {
  if (!TIMEZONE.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones offered in the pickers (the browser's list; the current value is always kept). */
export function timezoneOptions(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC'];
  return [...new Set([current, 'UTC', ...zones].filter((z) => z))].sort();
}

export function brandToForm(brand: Brand): BrandForm {
  return {
    name: brand.name,
    slug: brand.slug,
    logoUrl: brand.logoUrl ?? '',
    description: brand.description ?? '',
    defaultLocale: brand.defaultLocale ?? 'zh-CN',
    timezone: brand.timezone,
  };
}

export function brandFormErrors(form: BrandForm): Errors<BrandForm> {
  const errors: Errors<BrandForm> = {};
  if (!form.name.trim()) errors.name = 'admin.form.required';
  else if (form.name.trim().length > 100) errors.name = 'admin.brandSettings.tooLong';
  const logo = form.logoUrl.trim();
  if (logo) {
    let url: URL | null = null;
    try {
      url = new URL(logo);
    } catch {
      url = null;
    }
    if (!url || url.protocol !== 'https:' || logo.length > 500) errors.logoUrl = 'admin.brandSettings.httpsUrl';
  }
  if (form.description.length > 2000) errors.description = 'admin.brandSettings.tooLong';
  if (!LOCALE.test(form.defaultLocale)) errors.defaultLocale = 'admin.form.required';
  if (!knownTimezone(form.timezone)) errors.timezone = 'admin.brandSettings.unknownZone';
  return errors;
}

export function formToBrandRequest(form: BrandForm): BrandRequest {
  return {
    name: form.name.trim(),
    slug: form.slug,
    logoUrl: form.logoUrl.trim() || null,
    description: form.description.trim() || null,
    defaultLocale: form.defaultLocale,
    timezone: form.timezone,
  };
}

export function emptyStoreForm(timezone: string): StoreForm {
  return { id: '', name: '', address: '', lat: '', lon: '', openingHours: '', timezone, status: 'OPEN' };
}

export function storeToForm(store: Store): StoreForm {
  return {
    id: store.id,
    name: store.name,
    address: store.address ?? '',
    lat: store.location?.lat ?? '',
    lon: store.location?.lon ?? '',
    openingHours: store.openingHours ?? '',
    timezone: store.timezone,
    status: store.status === 'CLOSED' ? 'CLOSED' : 'OPEN',
  };
}

/** A store id from its name: "Jing'an Flagship" → "jing-an-flagship" (the admin may change it before saving). */
export function suggestStoreId(brandId: string, name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = slug || `store-${Date.now().toString(36)}`;
  return `${brandId}-${base}`.slice(0, 63).replace(/-+$/, '');
}

export function storeFormErrors(form: StoreForm, isNew: boolean): Errors<StoreForm> {
  const errors: Errors<StoreForm> = {};
  if (isNew && !STORE_ID.test(form.id)) errors.id = 'admin.stores.idRule';
  if (!form.name.trim()) errors.name = 'admin.form.required';
  else if (form.name.trim().length > 100) errors.name = 'admin.brandSettings.tooLong';
  if (!form.address.trim()) errors.address = 'admin.form.required';
  else if (form.address.length > 300) errors.address = 'admin.brandSettings.tooLong';
  if (form.lat === '' || !(form.lat >= -90 && form.lat <= 90)) errors.lat = 'admin.stores.latRange';
  if (form.lon === '' || !(form.lon >= -180 && form.lon <= 180)) errors.lon = 'admin.stores.lonRange';
  if (form.openingHours.length > 300) errors.openingHours = 'admin.brandSettings.tooLong';
  if (!knownTimezone(form.timezone)) errors.timezone = 'admin.brandSettings.unknownZone';
  return errors;
}

export function formToStoreRequest(form: StoreForm): StoreRequest {
  return {
    name: form.name.trim(),
    address: form.address.trim(),
    location: { lat: Number(form.lat), lon: Number(form.lon) },
    openingHours: form.openingHours.trim() || null,
    timezone: form.timezone,
    status: form.status,
  };
}

/**
 * The link a store's QR code opens: the member app's club page for that brand and store, which
 * joins with source IN_STORE_QR and the store (after a sign-in or sign-up when needed).
 */
export function storeJoinLink(origin: string, brandId: string, storeId: string): string {
  const params = new URLSearchParams({ brandId, storeId, source: 'store' });
  return `${origin}/club?${params}`;
}
