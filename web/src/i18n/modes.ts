import { i18n, currentLocale, LOCALES, type AppLocale } from './index';

/**
 * Staff and admin mode bring their own messages (`i18n/staff/*.json`, `i18n/admin/*.json`, under the
 * top-level key `staff` or `admin`), loaded with their routes so members never download them.
 */
export type Mode = 'staff' | 'admin';

const loaders: Record<Mode, Record<AppLocale, () => Promise<{ default: Record<string, unknown> }>>> = {
  staff: {
    en: () => import('./staff/en.json'),
    'zh-CN': () => import('./staff/zh-CN.json'),
    es: () => import('./staff/es.json'),
    ja: () => import('./staff/ja.json'),
  },
  admin: {
    en: () => import('./admin/en.json'),
    'zh-CN': () => import('./admin/zh-CN.json'),
    es: () => import('./admin/es.json'),
    ja: () => import('./admin/ja.json'),
  },
};

const loaded = new Set<string>();

/** Loads a mode's messages for the current language (and English, the fallback); a route guard calls it. */
export async function loadModeMessages(mode: Mode, locale: AppLocale = currentLocale()): Promise<void> {
  for (const lang of new Set<AppLocale>([locale, 'en'])) {
    const key = `${mode}:${lang}`;
    if (loaded.has(key)) continue;
    const messages = (await loaders[mode][lang]()).default;
    i18n.global.mergeLocaleMessage(lang, messages);
    loaded.add(key);
  }
}

/** After a language switch, the modes already in use get their messages in the new language too. */
export async function reloadModesFor(locale: AppLocale): Promise<void> {
  const modes = new Set([...loaded].map((key) => key.split(':')[0] as Mode));
  await Promise.all([...modes].map((mode) => loadModeMessages(mode, locale)));
}

export const MODE_LOCALES = LOCALES;
