import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from './en.json';
import zhCN from './zh-CN.json';
import es from './es.json';
import ja from './ja.json';
import { pickLocale } from './index';

type Messages = { [key: string]: string | Messages };

function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const locales: Record<string, Messages> = { 'zh-CN': zhCN, es, ja };
const english = keys(en);

describe('message files', () => {
  it.each(Object.keys(locales))('%s has every English key, and no extra ones', (locale) => {
    const theirs = keys(locales[locale]!);
    expect(english.filter((k) => !theirs.includes(k))).toEqual([]);
    expect(theirs.filter((k) => !english.includes(k))).toEqual([]);
  });

  it.each(Object.keys(locales))('%s uses the same placeholders as English', (locale) => {
    const mismatched = english.filter(
      (k) => placeholders(lookup(en, k)!).join() !== placeholders(lookup(locales[locale]!, k) ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(Object.keys(locales))('%s is translated, not a copy of English', (locale) => {
    const same = english.filter((k) => lookup(en, k) === lookup(locales[locale]!, k) && !/^\{?\w*\}?$/.test(lookup(en, k)!));
    // Brand-like words (Quanzi) may stay the same; whole sentences may not.
    expect(same.filter((k) => lookup(en, k)!.includes(' '))).toEqual([]);
  });

  it('every key the screens use exists in English', () => {
    const root = join(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(vue|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(path);
      }
    };
    walk(root);
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/title: '([a-z]+\.[a-zA-Z]+)'/g)) used.add(m[1]!);
    }
    const modeKeys = modeFolders.flatMap((mode) => keys(JSON.parse(readFileSync(join(__dirname, mode, 'en.json'), 'utf8')) as Messages));
    expect([...used].filter((k) => !english.includes(k) && !modeKeys.includes(k))).toEqual([]);
  });
});

// Staff and admin mode keep their messages in folders of their own, each with the same four files.
const modeFolders = readdirSync(__dirname, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe.each(modeFolders)('the %s mode messages', (mode) => {
  const read = (locale: string) => JSON.parse(readFileSync(join(__dirname, mode, `${locale}.json`), 'utf8')) as Messages;
  const modeEnglish = keys(read('en'));

  it.each(['zh-CN', 'es', 'ja'])('%s has exactly the English keys and placeholders', (locale) => {
    const theirs = read(locale);
    expect(modeEnglish.filter((k) => lookup(theirs, k) === undefined)).toEqual([]);
    expect(keys(theirs).filter((k) => !modeEnglish.includes(k))).toEqual([]);
    expect(modeEnglish.filter((k) => placeholders(lookup(read('en'), k)!).join() !== placeholders(lookup(theirs, k)!).join())).toEqual([]);
  });

  it('keeps its keys under its own top-level name', () => {
    expect(Object.keys(read('en')).filter((k) => k !== mode)).toEqual([]);
  });
});

describe('choosing a language from the browser', () => {
  it('maps browser languages to one of the four', () => {
    expect(pickLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale(['es-MX'])).toBe('es');
    expect(pickLocale(['ja-JP'])).toBe('ja');
    expect(pickLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLocale(['fr-FR'])).toBe('en');
  });
});
