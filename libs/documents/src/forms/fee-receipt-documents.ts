import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

import { AppConfig } from '@onegate/config';
import { FeeReceiptRepository } from '@onegate/persistence';
import type { Agency, Application, ApplicationEvent } from '@onegate/persistence';
import { Clock, localTime } from '@onegate/platform';

import { fileContext } from '../document-context';
import { PdfRenderer } from '../pdf/pdf-renderer';
import { PdfSigner } from '../signing/pdf-signer';
import { DocumentTemplates } from '../templates/document-templates';
import { vndInWords } from './vnd-in-words';

/** Receipt numbers are written with seven digits (Decree 123/2020/NĐ-CP, Article 32). */
const NUMBER_DIGITS = 7;

export const formatReceiptNumber = (number: number) => String(number).padStart(NUMBER_DIGITS, '0');

/**
 * The electronic receipt of a payment event (docs/payments.md, "Electronic receipts"): numbered once
 * for its event in the year of the payment on the collecting agency's clock, rendered and signed as the
 * results are.
 */
@Injectable()
export class FeeReceiptDocuments {
  public constructor(
    private readonly receipts: FeeReceiptRepository,
    private readonly templates: DocumentTemplates,
    private readonly renderer: PdfRenderer,
    private readonly config: AppConfig,
    private readonly modules: ModuleRef,
    private readonly clock: Clock,
  ) {}

  /** The signed PDF of the receipt `id` for the payment `event`. */
  public async render(id: string, application: Application, event: ApplicationEvent, agency: Agency) {
    const paidAt = localTime(event.at, agency.timeZone);
    const receipt = await this.receipts.numberOnce({
      id,
      applicationId: application.id,
      eventId: event.id,
      year: Number(paidAt.inputValue.slice(0, 4)),
      amountVnd: application.feeVnd,
      issuedAt: event.at,
    });
    // The signing key is the worker's, which alone renders forms: looked up there, when a receipt is made.
    const signer = this.modules.get(PdfSigner, { strict: false });
    const number = formatReceiptNumber(receipt.number);
    const reference = typeof event.data.reference === 'string' ? event.data.reference : '–';
    const blocks = this.templates.render('fee-receipt', {
      ...fileContext(application, agency),
      receipt: {
        formNumber: this.config.feeReceipts.formNumber,
        series: this.config.feeReceipts.series,
        number,
        amount: new Intl.NumberFormat('vi-VN').format(receipt.amountVnd),
        amountInWords: vndInWords(receipt.amountVnd),
        channelVi:
          event.channel === 'offline' ? 'Tiền mặt tại quầy (cash at the counter)' : 'Trực tuyến (online)',
        reference,
        paidAt: paidAt.dateTime,
        signer: signer.signerName,
      },
    });
    const pdf = await this.renderer.render(blocks, {
      title: `Biên lai thu phí, lệ phí ${this.config.feeReceipts.series} ${number}`,
      author: agency.nameVi,
      createdAt: event.at,
    });
    return signer.sign(pdf, {
      reason: `Biên lai thu phí, lệ phí số ${number}`,
      location: agency.nameVi,
      signingTime: this.clock.now(),
    });
  }
}
