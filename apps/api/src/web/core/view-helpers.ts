import type { HelperOptions } from 'handlebars';

import type { ApplicationState, Language } from '@onegate/domain';

import { fileHeading } from './file-heading';
import {
  formatDate,
  formatDateTime,
  formatFileSize,
  formatNumber,
  formatPercent,
  formatVnd,
} from './formatters';
import { DEFAULT_LANGUAGE, isLanguage, translate } from './messages';

const languageOf = (options: HelperOptions): Language => {
  const root = (options.data as { root?: { lang?: unknown } } | undefined)?.root;
  return isLanguage(root?.lang) ? root.lang : DEFAULT_LANGUAGE;
};

/** The last argument of a helper is Handlebars' options object. */
const split = (args: unknown[]): [unknown[], HelperOptions] => [
  args.slice(0, -1),
  args[args.length - 1] as HelperOptions,
];

/**
 * Template helpers. They return plain strings, which Handlebars escapes: nothing a user typed is ever
 * written into a page unescaped.
 */
export const VIEW_HELPERS = {
  /** `{{t "key" name=value}}`: the message in the page's language. */
  t: (key: unknown, options: HelperOptions) => translate(languageOf(options), String(key), options.hash),
  dateTime: (value: unknown, options: HelperOptions) =>
    formatDateTime(languageOf(options), value as string | null),
  date: (value: unknown, options: HelperOptions) => formatDate(languageOf(options), value as string | null),
  vnd: (value: unknown, options: HelperOptions) => formatVnd(languageOf(options), Number(value)),
  number: (value: unknown, options: HelperOptions) =>
    formatNumber(
      languageOf(options),
      value === null ? null : Number(value),
      Number(options.hash.digits ?? 0),
      Number(options.hash.min ?? 0),
    ),
  fileSize: (value: unknown, options: HelperOptions) => formatFileSize(languageOf(options), Number(value)),
  percent: (value: unknown, options: HelperOptions) =>
    formatPercent(languageOf(options), value === null ? null : Number(value)),
  /** Working hours as working days (8 hours a day). */
  workingDays: (hours: unknown, options: HelperOptions) =>
    formatNumber(languageOf(options), Number(hours) / 8, 1),
  /** `{{fileHeading application}}`: a file's receipt code, or words for its state before it has one. */
  fileHeading: (file: unknown, options: HelperOptions) =>
    fileHeading(languageOf(options), file as { code?: string | null; state: ApplicationState }),
  /** The name in the page's language from a `{vi, en}` pair, or two fields of an object. */
  localized: (value: unknown, options: HelperOptions) => {
    const pair = (value ?? {}) as Record<string, unknown>;
    const language = languageOf(options);
    return String(pair[language] ?? pair[language === 'vi' ? 'nameVi' : 'nameEn'] ?? pair.vi ?? '');
  },
  concat: (...args: unknown[]) => split(args)[0].map(String).join(''),
  eq: (left: unknown, right: unknown) => left === right,
  not: (value: unknown) => !value,
  or: (...args: unknown[]) => split(args)[0].some(Boolean),
  and: (...args: unknown[]) => split(args)[0].every(Boolean),
  includes: (list: unknown, value: unknown) => Array.isArray(list) && list.includes(value),
  /** A value for a URL's query string. */
  encode: (value: unknown) => encodeURIComponent(String(value ?? '')),
  /** A value as JSON for a `data-` attribute (escaped like any other value). */
  json: (value: unknown) => JSON.stringify(value ?? null),
};
