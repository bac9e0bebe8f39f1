import { createI18n } from 'vue-i18n';
import { Locale as VantLocale } from 'vant';
import vantEnUS from 'vant/es/locale/lang/en-US';
import vantZhCN from 'vant/es/locale/lang/zh-CN';
import vantEsES from 'vant/es/locale/lang/es-ES';
import vantJaJP from 'vant/es/locale/lang/ja-JP';
import en from './en.json';
import zhCN from './zh-CN.json';
import es from './es.json';
import ja from './ja.json';

export const LOCALES = ['en', 'zh-CN', 'es', 'ja'] as const;
export type AppLocale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<AppLocale, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  es: 'Español',
  ja: '日本語',
};

const VANT_LOCALES = { en: vantEnUS, 'zh-CN': vantZhCN, es: vantEsES, ja: vantJaJP };
const STORAGE_KEY = 'quanzi.locale';

/** The best of our four languages for a list of browser languages (`navigator.languages`). */
export function pickLocale(preferred: readonly string[]): AppLocale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('es')) return 'es';
    if (lower.startsWith('ja')) return 'ja';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function isAppLocale(value: string | null | undefined): value is AppLocale {
  return value !== null && value !== undefined && (LOCALES as readonly string[]).includes(value);
}

function initialLocale(): AppLocale {
  const remembered = localStorage.getItem(STORAGE_KEY);
  if (isAppLocale(remembered)) return remembered;
  return pickLocale(navigator.languages ?? [navigator.language]);
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN, es, ja },
  missingWarn: false,
  fallbackWarn: false,
});

/** Switches the app's and Vant's language, remembers it, and tells the page (`<html lang>`). */
export function setLocale(locale: AppLocale): void {
  void import('./modes').then((modes) => modes.reloadModesFor(locale));
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  VantLocale.use(locale, VANT_LOCALES[locale]);
  document.documentElement.lang = locale;
}

export function currentLocale(): AppLocale {
  return i18n.global.locale.value as AppLocale;
}

setLocale(currentLocale());
