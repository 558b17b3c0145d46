import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Language } from '@onegate/domain';

import { WEB_PATHS } from './web-paths';

export const WEB_LANGUAGES: readonly Language[] = ['vi', 'en'];
export const DEFAULT_LANGUAGE: Language = 'vi';

type Catalogue = { [key: string]: string | Catalogue };

const catalogues = new Map<Language, Catalogue>(
  WEB_LANGUAGES.map((language) => [
    language,
    JSON.parse(readFileSync(join(WEB_PATHS.locales, `${language}.json`), 'utf8')) as Catalogue,
  ]),
);

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (WEB_LANGUAGES as readonly string[]).includes(value);

/** The message at a dotted key, or undefined. */
export function lookup(language: Language, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogues.get(language);
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * A message with `{name}` placeholders filled in, and `{name:one|other}` choosing the form that agrees
 * with the number `name` ("1 procedure matches", "2 procedures match"); an unknown key shows itself,
 * so it is noticed.
 */
export function translate(language: Language, key: string, params: Record<string, unknown> = {}): string {
  const template = lookup(language, key) ?? key;
  return template
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (match, name: string, one: string, other: string) =>
      params[name] === undefined ? match : pluralForm(language, params[name], { one, other }),
    )
    .replace(/\{(\w+)\}/g, (match, name: string) =>
      params[name] === undefined ? match : String(params[name]),
    );
}

/** The form of a word that agrees with a count, by the language's plural rules (one/other). */
export function pluralForm(
  language: Language,
  count: unknown,
  forms: { one: string; other: string },
): string {
  const number = typeof count === 'number' ? count : Number(String(count).replace(/[^\d.-]/g, ''));
  return new Intl.PluralRules(language).select(number) === 'one' ? forms.one : forms.other;
}

/** Every dotted key of a catalogue: the unit test checks both languages have the same ones. */
export function catalogueKeys(language: Language): string[] {
  const keys: string[] = [];
  const walk = (node: Catalogue, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${name}` : name;
      if (typeof value === 'string') keys.push(key);
      else walk(value, key);
    }
  };
  walk(catalogues.get(language)!, '');
  return keys.sort();
}
