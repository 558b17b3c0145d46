import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import {
  ApplicationRepository,
  DraftedResultRepository,
  IssuedResultRepository,
  TransactionRunner,
} from '@onegate/persistence';
import type { Application, ApplicationEvent, IssuedResult } from '@onegate/persistence';
import { Clock, FileStore } from '@onegate/platform';
import { ReportRollupsService } from '@onegate/reporting';

import { PdfSigner } from '../signing/pdf-signer';
import { documentYear } from './official-layout';
import { ResultDocuments, resultKindOf } from './result-documents';

/**
 * Makes an application's signed result once. The stored result is reused by every later call, so a
 * retried job never signs twice; two calls at once both render, and the first row written wins.
 */
@Injectable()
export class ResultIssuer {
  private readonly logger = new Logger(ResultIssuer.name);

  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly results: IssuedResultRepository,
    private readonly drafts: DraftedResultRepository,
    private readonly documents: ResultDocuments,
    private readonly signer: PdfSigner,
    private readonly files: FileStore,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
    private readonly reportRollups: ReportRollupsService,
  ) {}

  /** The stored result, or a new one for a decided file not yet signed; null when there is none to make. */
  public async issue(applicationId: string): Promise<IssuedResult | null> {
    const existing = await this.results.findByApplication(applicationId);
    if (existing) return existing;
    const application = await this.applications.findById(applicationId);
    // Signed already means signed on paper at the counter: no digital result then.
    if (!application || application.state !== 'decided' || application.signed || !application.code)
      return null;
    const decision = (await this.applications.eventsOf(applicationId))
      .filter((event) => event.type === 'approve' || event.type === 'deny')
      .at(-1);
    if (!decision) return null;
    const signedAt = this.clock.now();
    const unsigned = await this.unsigned(application, decision, signedAt);
    const signed = await this.signer.sign(unsigned, {
      reason: `Kết quả giải quyết hồ sơ ${application.code}`,
      location: application.competentAgency!.nameVi,
      signingTime: signedAt,
    });
    const stored = await this.files.save(signed);
    const result: IssuedResult = {
      id: randomUUID(),
      applicationId,
      code: application.code,
      kind: resultKindOf(application),
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      storageKey: stored.storageKey,
      signer: this.signer.signerName,
      signedAt,
    };
    // With the file held, an electronic result moves its digitisation counts once (docs/metrics.md).
    const kept = await this.transactions.run(async (manager) => {
      await this.applications.hold(manager, applicationId);
      return this.reportRollups.recordDocumentsChange(manager, applicationId, () =>
        this.results.insertOnce(result, manager),
      );
    });
    if (kept.storageKey !== stored.storageKey) await this.files.remove(stored.storageKey);
    else this.logger.log({ applicationId, kind: kept.kind }, 'result signed');
    return kept;
  }

  /**
   * What is signed: the clerk's own result when one was uploaded (it carries the agency's own number),
   * else the generated one, numbered in the agency's register (docs/documents.md).
   */
  private async unsigned(application: Application, decision: ApplicationEvent, at: Date): Promise<Buffer> {
    const draft = await this.drafts.findFor(application.id);
    if (draft) return readAll(this.files.open(draft.storageKey));
    const agency = application.competentAgency!;
    const documentNumber = await this.results.documentNumber(
      application.id,
      agency.id,
      documentYear(at, agency),
    );
    return this.documents.render({
      documentNumber,
      application,
      decision,
      signerName: this.signer.signerName,
      at,
    });
  }
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
