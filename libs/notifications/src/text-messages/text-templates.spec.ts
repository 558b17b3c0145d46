import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { AppConfig, loadConfig } from '@onegate/config';

import {
  gsm7Length,
  PHONE_CODE_TEMPLATE,
  SMS_LIMIT,
  TEXT_NOTICE_KINDS,
  TextTemplates,
  toGsm7,
} from './text-templates';

const SHIPPED = resolve(__dirname, '../../../../templates');
/** The longest PUBLIC_URL the templates are written for (docs/text-messages.md). */
const LONGEST_PUBLIC_URL = 'https://dichvucong.tinh-quangninh.gov.vn';
const LONGEST_CODE = 'G22.35-260101-00001234';
const ID = '0b6f5c1e-4c1d-4d7a-9a51-3c8e0e2f9a10';

describe('text-message templates', () => {
  const templates = new TextTemplates(
    new AppConfig({ ...loadConfig({}), templatesDir: SHIPPED } as AppConfig),
  );

  it('writes every notice in both languages as one GSM-7 SMS of at most 160 characters, with the code and link', async () => {
    expect(LONGEST_PUBLIC_URL.length).toBe(40);
    for (const kind of TEXT_NOTICE_KINDS) {
      for (const language of ['vi', 'en'] as const) {
        for (const approved of [true, false]) {
          const link = `${LONGEST_PUBLIC_URL}/my/applications/${ID}`;
          const text = await templates.render(kind, language, { code: LONGEST_CODE, link, approved });
          const length = gsm7Length(text);
          expect(length, `${kind}.${language}: ${text}`).not.toBeNull();
          expect(length!, `${kind}.${language}: ${text}`).toBeLessThanOrEqual(SMS_LIMIT);
          expect(text).toContain(LONGEST_CODE);
          expect(text).toContain(link);
          expect(text).not.toMatch(/{{|\n/);
        }
      }
    }
  });

  it('writes the verification code in both languages within one SMS', async () => {
    for (const language of ['vi', 'en'] as const) {
      const text = await templates.render(PHONE_CODE_TEMPLATE, language, { code: '012345', minutes: 10 });
      expect(text).toContain('012345');
      expect(gsm7Length(text)!).toBeLessThanOrEqual(SMS_LIMIT);
    }
  });

  it('drops Vietnamese diacritics and writes what GSM-7 cannot as "?"', () => {
    expect(toGsm7('Hồ sơ  đã được\ntiếp nhận – Đà Nẵng')).toBe('Ho so da duoc tiep nhan ? Da Nang');
    expect(gsm7Length('Ho so')).toBe(5);
    expect(gsm7Length('a€')).toBe(3);
    expect(gsm7Length('Hồ')).toBeNull();
  });
});
