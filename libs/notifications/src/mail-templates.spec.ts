import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { AppConfig, loadConfig } from '@onegate/config';
import { NOTIFICATION_KINDS } from '@onegate/domain';

import { sampleContext } from './mail-samples';
import { ACCOUNT_MAIL_KINDS, MailTemplates, UnknownTemplateError } from './mail-templates';

const SHIPPED = resolve(__dirname, '../../../templates');
const templatesIn = (directory: string) =>
  new MailTemplates(new AppConfig({ ...loadConfig({}), templatesDir: directory } as AppConfig));

describe('mail templates', () => {
  const shipped = templatesIn(SHIPPED);
  const overrides = mkdtempSync(join(tmpdir(), 'onegate-templates-'));
  afterAll(() => rmSync(overrides, { recursive: true, force: true }));

  it('renders every kind in both languages, with a subject, a text and an HTML part', async () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const language of ['vi', 'en'] as const) {
        const context = sampleContext(kind, language, 'https://x.vn');
        const mail = await shipped.render({ name: kind, language }, context);
        expect(mail.file).toBe(`${kind}.${language}.hbs`);
        expect(mail.subject.length, `${kind}.${language}`).toBeGreaterThan(5);
        expect(mail.subject).not.toMatch(/\n|{{/);
        expect(mail.text, `${kind}.${language}`).toContain(context.recipientName);
        expect(mail.text).not.toMatch(/{{|}}|\n{3}/);
        expect(mail.html).toMatch(/^<!doctype html>/);
        expect(mail.html).toContain(`lang="${language}"`);
      }
    }
  });

  it('renders the account mail in both languages, with its link in the text and the HTML part', async () => {
    const link = 'https://x.vn/verify-email?token=abc_DEF-123';
    for (const kind of ACCOUNT_MAIL_KINDS) {
      for (const language of ['vi', 'en'] as const) {
        const context = { recipientName: 'Trần Thị Bình', language, link, validHours: 48, validMinutes: 30 };
        const mail = await shipped.render({ name: kind, language }, context);
        expect(mail.file).toBe(`${kind}.${language}.hbs`);
        expect(mail.subject.length, `${kind}.${language}`).toBeGreaterThan(5);
        expect(mail.text).toContain(link);
        expect(mail.text).toContain('Trần Thị Bình');
        expect(mail.text).toMatch(kind === 'verify_email' ? /48/ : /30/);
        // Handlebars writes `=` as a character reference, which the browser reads back as `=`.
        expect(mail.html.replaceAll('&#x3D;', '=')).toContain(`href="${link}"`);
        expect(mail.html).toContain(`lang="${language}"`);
      }
    }
  });

  it('escapes every value in the HTML part and prints it as text in the plain part', async () => {
    const context = sampleContext('file_received', 'en', 'https://x.vn');
    context.application!.formFields = [{ label: 'Business name', value: '<script>alert(1)</script>' }];
    const mail = await shipped.render({ name: 'file_received', language: 'en' }, context);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('- Business name: <script>alert(1)</script>');
  });

  it('prefers the agency’s template, then the procedure’s, then the default', async () => {
    for (const file of ['_layout.hbs', 'apology.vi.hbs', 'apology.en.hbs']) {
      writeFileSync(join(overrides, file), readFileSync(join(SHIPPED, 'mail', file)));
    }
    mkdirSync(join(overrides, 'mail'));
    for (const file of ['_layout.hbs', 'apology.vi.hbs']) {
      writeFileSync(join(overrides, 'mail', file), readFileSync(join(SHIPPED, 'mail', file)));
    }
    const override = (subject: string) =>
      `{{#*inline "subject"}}${subject} {{application.code}}{{/inline}}{{#*inline "text"}}t{{/inline}}{{#*inline "html"}}h{{/inline}}`;
    mkdirSync(join(overrides, 'mail', 'QN-HL'));
    writeFileSync(join(overrides, 'mail', 'QN-HL', 'apology.vi.hbs'), override('Agency'));
    mkdirSync(join(overrides, 'mail', '1.001612'));
    writeFileSync(join(overrides, 'mail', '1.001612', 'apology.vi.hbs'), override('Procedure'));
    const templates = templatesIn(overrides);
    const context = sampleContext('apology', 'vi', 'https://x.vn');
    const render = (agencyCode: string | null, procedureCode: string | null) =>
      templates.render({ name: 'apology', language: 'vi', agencyCode, procedureCode }, context);
    expect((await render('QN-HL', '1.001612')).subject).toBe('Agency QN-HL-261123-0001');
    expect((await render('QN-HL', '1.001612')).file).toBe(join('QN-HL', 'apology.vi.hbs'));
    expect((await render('QN', '1.001612')).subject).toBe('Procedure QN-HL-261123-0001');
    expect((await render('QN', '2.000488')).file).toBe('apology.vi.hbs');
    expect((await render('../..', null)).file).toBe('apology.vi.hbs');
    await expect(
      templates.render({ name: 'apology', language: 'en' }, sampleContext('apology', 'en', '')),
    ).rejects.toThrow(UnknownTemplateError);
  });

  it('picks up a changed file without a restart', async () => {
    const file = join(overrides, 'mail', 'QN-HL', 'apology.vi.hbs');
    const templates = templatesIn(overrides);
    const context = sampleContext('apology', 'vi', 'https://x.vn');
    expect(
      (await templates.render({ name: 'apology', language: 'vi', agencyCode: 'QN-HL' }, context)).subject,
    ).toBe('Agency QN-HL-261123-0001');
    writeFileSync(
      file,
      '{{#*inline "subject"}}Changed{{/inline}}{{#*inline "text"}}t{{/inline}}{{#*inline "html"}}h{{/inline}}',
    );
    const later = new Date(Date.now() + 5_000);
    const { utimesSync } = await import('node:fs');
    utimesSync(file, later, later);
    expect(
      (await templates.render({ name: 'apology', language: 'vi', agencyCode: 'QN-HL' }, context)).subject,
    ).toBe('Changed');
  });
});
