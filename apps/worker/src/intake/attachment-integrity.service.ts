import { createHash } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import { JobName, OnJob } from '@onegate/jobs';
import type { ApplicationPayload } from '@onegate/jobs';
import { ApplicationRepository } from '@onegate/persistence';
import { FileStore } from '@onegate/platform';

/**
 * After submission: checks that every stored document still has the SHA-256 recorded at upload, so a
 * damaged file is found before a clerk relies on it. A mismatch fails the job (and is retried, then
 * kept among failed jobs for operators).
 */
@Injectable()
export class AttachmentIntegrity {
  private readonly logger = new Logger(AttachmentIntegrity.name);

  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly files: FileStore,
  ) {}

  @OnJob(JobName.Intake)
  public async check(payload: ApplicationPayload): Promise<void> {
    for (const attachment of await this.applications.attachmentsOf(payload.applicationId)) {
      const hash = createHash('sha256');
      for await (const chunk of this.files.open(attachment.storageKey)) hash.update(chunk as Buffer);
      if (hash.digest('hex') !== attachment.sha256) {
        this.logger.error(
          { applicationId: payload.applicationId, attachmentId: attachment.id },
          'stored document damaged',
        );
        throw new Error(
          `attachment ${attachment.id} of application ${payload.applicationId} does not match its SHA-256`,
        );
      }
    }
  }
}
