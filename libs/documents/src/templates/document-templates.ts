import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import Handlebars from 'handlebars';

import { AppConfig } from '@onegate/config';

import type { Block } from '../markup/document-markup';
import { parseDocumentMarkup } from '../markup/document-markup';

/** The default templates, files `templates/documents/<name>.hbs` at the repository root. */
export const DOCUMENT_TEMPLATES = [
  'result',
  'decision-letter',
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'fee-receipt',
] as const;
export type DocumentTemplateName = (typeof DOCUMENT_TEMPLATES)[number];

type Template = Handlebars.TemplateDelegate<object>;

/**
 * Renders document templates (handlebars, HTML-escaping every value) into parsed document markup.
 * The default templates are read and compiled once, at start-up, so a broken file stops the process.
 */
@Injectable()
export class DocumentTemplates implements OnModuleInit {
  private readonly logger = new Logger(DocumentTemplates.name);
  private readonly handlebars = Handlebars.create();
  private readonly defaults = new Map<DocumentTemplateName, Template>();
  private readonly directory: string;

  public constructor(config: AppConfig) {
    this.directory = resolve(config.templatesDir, 'documents');
  }

  public onModuleInit(): void {
    for (const name of DOCUMENT_TEMPLATES) {
      const file = join(this.directory, `${name}.hbs`);
      let source: string;
      try {
        source = readFileSync(file, 'utf8');
      } catch {
        throw new Error(`document template ${file} cannot be read (TEMPLATES_DIR)`);
      }
      const template = this.handlebars.compile<object>(source, { strict: false });
      template({}); // compiles now: a syntax error is found at start-up, not on a citizen's file
      this.defaults.set(name, template);
    }
  }

  public render(name: DocumentTemplateName, context: object): Block[] {
    const template = this.defaults.get(name);
    if (!template) throw new Error(`document template ${name} is not loaded`);
    return parseDocumentMarkup(template(context));
  }

  /**
   * A procedure's own result template, or the default one when it has none or it does not render:
   * a result is never held back by a catalogue typo, and the typo is logged for the administrators.
   */
  public renderCustom(
    source: string | null,
    fallback: DocumentTemplateName,
    context: object,
    label: string,
  ): Block[] {
    if (source?.trim()) {
      try {
        return parseDocumentMarkup(this.handlebars.compile<object>(source, { strict: false })(context));
      } catch (error) {
        this.logger.warn(
          { template: label, error: error instanceof Error ? error.message : String(error) },
          'result template does not render; the default one is used',
        );
      }
    }
    return this.render(fallback, context);
  }
}
