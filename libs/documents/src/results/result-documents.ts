import { Injectable } from '@nestjs/common';

import { AppConfig } from '@onegate/config';
import type { Application, ApplicationEvent, IssuedResultKind } from '@onegate/persistence';
import { localTime } from '@onegate/platform';

import { fileContext } from '../document-context';
import { PdfRenderer } from '../pdf/pdf-renderer';
import { DocumentTemplates } from '../templates/document-templates';
import { officialLayout } from './official-layout';

export interface ResultToRender {
  application: Application;
  /** The approve or deny event. */
  decision: ApplicationEvent;
  signerName: string;
  at: Date;
  /** The result's number in its agency's year (IssuedResultRepository.documentNumber). */
  documentNumber: number;
}

/** The public address where anyone checks a result, printed on it and in its QR code. */
export const verificationUrl = (publicUrl: string, code: string) =>
  `${publicUrl}/verify/${encodeURIComponent(code)}`;

export const resultKindOf = (application: Application): IssuedResultKind =>
  application.outcome === 'denied' ? 'decision_letter' : 'result';

/**
 * Renders the result of a decided application, before signing: the procedure's result template (or
 * the default one) for an approval, the decision letter for a denial, with the verification corner.
 */
@Injectable()
export class ResultDocuments {
  public constructor(
    private readonly templates: DocumentTemplates,
    private readonly renderer: PdfRenderer,
    private readonly config: AppConfig,
  ) {}

  public render({ application, decision, signerName, at, documentNumber }: ResultToRender): Promise<Buffer> {
    const agency = application.competentAgency!;
    const approved = application.outcome !== 'denied';
    const decided = localTime(application.decidedAt ?? decision.at, agency.timeZone);
    const code = application.code!;
    const url = verificationUrl(this.config.publicUrl, code);
    const file = fileContext(application, agency);
    const context = {
      ...officialLayout(application, file, { kind: resultKindOf(application), number: documentNumber, at }),
      decision: {
        approved,
        outcome: application.outcome,
        labelVi: approved ? 'Chấp thuận' : 'Không chấp thuận',
        labelEn: approved ? 'Approved' : 'Denied',
        reason: typeof decision.data.reason === 'string' ? decision.data.reason : null,
        note: decision.note,
      },
      decidedOn: decided.date,
      decidedAt: decided.dateTime,
      signedOn: localTime(at, agency.timeZone).date,
      signer: signerName,
      verifyUrl: url,
    };
    const blocks = approved
      ? this.templates.renderCustom(
          application.procedure!.resultTemplate,
          'result',
          context,
          application.procedure!.code,
        )
      : this.templates.render('decision-letter', context);
    const title = approved ? 'Kết quả giải quyết thủ tục hành chính' : 'Thông báo không chấp thuận';
    return this.renderer.render(
      blocks,
      { title: `${title} – ${code}`, author: agency.nameVi, createdAt: at },
      { code, url },
    );
  }
}
