import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';

import { AppConfig } from '@onegate/config';
import { isNotificationKind, LANGUAGES } from '@onegate/domain';
import type { Language, NotificationKind } from '@onegate/domain';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface RenderedTemplate extends RenderedMail {
  /** The file used, relative to the mail templates folder (an override's folder shows which one). */
  file: string;
}

/** Which template: its name and language, and the agency and procedure that may override it. */
export interface TemplateChoice {
  name: NotificationKind | AccountMailKind;
  language: Language;
  agencyCode?: string | null;
  procedureCode?: string | null;
}

export class UnknownTemplateError extends Error {}

/** Mail about the account itself (docs/identity.md, "Recovering an account"), not about a file. */
export const ACCOUNT_MAIL_KINDS = ['verify_email', 'reset_password'] as const;
export type AccountMailKind = (typeof ACCOUNT_MAIL_KINDS)[number];

const isTemplateName = (name: string): boolean =>
  isNotificationKind(name) || (ACCOUNT_MAIL_KINDS as readonly string[]).includes(name);

type Part = keyof RenderedMail;
type CompiledTemplate = Record<Part, HandlebarsTemplateDelegate>;

/** Agency and procedure codes name folders: only plain codes, never a path. */
const SAFE_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const LAYOUT_FILE = '_layout.hbs';

/**
 * Mail templates, read at run time from `<TEMPLATES_DIR>/mail`: `<name>.<lang>.hbs`, overridden by
 * `<agency-code>/<name>.<lang>.hbs`, then `<procedure-code>/<name>.<lang>.hbs`. Each file defines three
 * inline partials, `subject`, `text` and `html`. The HTML part escapes every value; the subject and the
 * plain-text part are not HTML, so they print values as they are. A file is compiled again when it changes.
 */
@Injectable()
export class MailTemplates {
  private readonly root: string;
  private readonly cache = new Map<string, { version: string; template: CompiledTemplate }>();
  private layout: { modifiedAt: number; source: string } | null = null;

  public constructor(config: AppConfig) {
    this.root = resolve(config.templatesDir, 'mail');
  }

  public async render(choice: TemplateChoice, context: object): Promise<RenderedTemplate> {
    const path = await this.locate(choice);
    const template = await this.compiled(path);
    return {
      file: relative(this.root, path),
      subject: template.subject(context).replace(/\s+/g, ' ').trim().slice(0, 500),
      text: `${template
        .text(context)
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()}\n`,
      html: template.html(context).trim(),
    };
  }

  /** The file that renders this choice: the agency's, else the procedure's, else the default. */
  public async locate(choice: TemplateChoice): Promise<string> {
    if (!isTemplateName(choice.name) || !LANGUAGES.includes(choice.language)) {
      throw new UnknownTemplateError(`No mail template ${choice.name} in ${choice.language}`);
    }
    const file = `${choice.name}.${choice.language}.hbs`;
    const folders = [choice.agencyCode, choice.procedureCode].filter(
      (code): code is string => !!code && SAFE_CODE.test(code) && !code.includes('..'),
    );
    for (const candidate of [
      ...folders.map((folder) => join(this.root, folder, file)),
      join(this.root, file),
    ]) {
      if (await isFile(candidate)) return candidate;
    }
    throw new UnknownTemplateError(`No mail template ${file} under ${this.root}`);
  }

  private async compiled(path: string): Promise<CompiledTemplate> {
    const layout = await this.layoutSource();
    // A change to the file or to the layout it uses compiles it again.
    const version = `${(await stat(path)).mtimeMs}|${layout.modifiedAt}`;
    const cached = this.cache.get(path);
    if (cached && cached.version === version) return cached.template;
    const source = await readFile(path, 'utf8');
    const handlebars = Handlebars.create();
    handlebars.registerPartial('layout', layout.source);
    const part = (name: Part, noEscape: boolean) =>
      handlebars.compile(`${source}\n{{> ${name}}}`, { noEscape, strict: false });
    const template = { subject: part('subject', true), text: part('text', true), html: part('html', false) };
    this.cache.set(path, { version, template });
    return template;
  }

  private async layoutSource(): Promise<{ modifiedAt: number; source: string }> {
    const path = join(this.root, LAYOUT_FILE);
    const modifiedAt = (await isFile(path)) ? (await stat(path)).mtimeMs : 0;
    if (!this.layout || this.layout.modifiedAt !== modifiedAt) {
      this.layout = {
        modifiedAt,
        source: modifiedAt ? await readFile(path, 'utf8') : '{{> @partial-block}}',
      };
    }
    return this.layout;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
