import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';

import { AppConfig } from '@onegate/config';
import type { Language, NotificationKind } from '@onegate/domain';

/** The notices sent as text messages; the others stay in the application and e-mail (docs/text-messages.md). */
export const TEXT_NOTICE_KINDS: readonly NotificationKind[] = [
  'file_submitted',
  'file_received',
  'supplement_requested',
  'file_refused',
  'decision_made',
  'result_ready',
  'apology',
  'fee_paid',
  'message_received',
];
/** The phone verification code's message. */
export const PHONE_CODE_TEMPLATE = 'phone_code';
export type TextTemplateName = NotificationKind | typeof PHONE_CODE_TEMPLATE;

/** One SMS of the GSM 03.38 default alphabet holds 160 characters (docs/text-messages.md). */
export const SMS_LIMIT = 160;

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters written with an escape: two of the 160. */
const GSM7_EXTENDED = '^{}\\[~]|€';

/** The length of a text in GSM-7 characters; null when it has a character GSM-7 cannot write. */
export function gsm7Length(text: string): number | null {
  let length = 0;
  for (const char of text) {
    if (GSM7_BASIC.includes(char)) length += 1;
    else if (GSM7_EXTENDED.includes(char)) length += 2;
    else return null;
  }
  return length;
}

/**
 * Text as an SMS carries it in GSM-7: Vietnamese without its diacritics ("Hồ sơ" → "Ho so", "đ" → "d"),
 * spaces and line breaks collapsed, and any character GSM-7 still cannot write as "?". A message in
 * UCS-2 would hold only 70 characters.
 */
export function toGsm7(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\s+/g, ' ')
    .trim();
  return [...plain].map((char) => (gsm7Length(char) === null ? '?' : char)).join('');
}

/**
 * Text-message templates, read at run time from `<TEMPLATES_DIR>/text/<name>.<lang>.hbs`: one short
 * line each, printing `code` (the file's code, or the verification code), `link` (the file's page) and
 * for a decision `approved`. Values are printed as they are (no HTML); the result goes through toGsm7.
 */
@Injectable()
export class TextTemplates {
  private readonly root: string;
  private readonly cache = new Map<string, HandlebarsTemplateDelegate>();

  public constructor(config: AppConfig) {
    this.root = resolve(config.templatesDir, 'text');
  }

  public async render(name: TextTemplateName, language: Language, context: object): Promise<string> {
    const file = resolve(this.root, `${name}.${language}.hbs`);
    let template = this.cache.get(file);
    if (!template) {
      template = Handlebars.compile(await readFile(file, 'utf8'), { noEscape: true, strict: false });
      this.cache.set(file, template);
    }
    return toGsm7(template(context));
  }
}
