import { Injectable, NotFoundException, StreamableFile } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationRepository,
  hasStoredCopy,
  IssuedResultRepository,
  resultFileName,
} from '@onegate/persistence';
import type { Application } from '@onegate/persistence';
import { Clock, contentDisposition, FileStore } from '@onegate/platform';

import { ApplicationAccessService } from './application-access.service';

const noResult = () => new NotFoundException('No result to download for this application');

/**
 * The signed result as a file. Staff who may see the application can open it once it exists; its
 * owner once it was returned online. The owner's first download is recorded (result_downloads).
 */
@Injectable()
export class ResultDownloadService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly results: IssuedResultRepository,
    private readonly access: ApplicationAccessService,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  public async download(user: AuthenticatedUser, applicationId: string): Promise<StreamableFile> {
    const application = await this.access.assertVisible(
      user,
      await this.applications.findById(applicationId),
    );
    if (application.anonymisedAt) {
      throw new NotFoundException(
        'The result file was removed when the retention period of the application ended',
      );
    }
    const result = await this.results.findByApplication(application.id);
    if (!result) throw noResult();
    // An imported result is metadata only: its signed document was never brought into OneGate.
    if (!hasStoredCopy(result))
      throw new NotFoundException('This result was imported without a copy of its file');
    const owner = application.applicantId === user.id;
    if (owner) {
      if (!(await this.returnedOnline(application))) throw noResult();
      await this.results.recordFirstDownload({
        applicationId: application.id,
        userId: user.id,
        downloadedAt: this.clock.now(),
      });
    }
    const name = resultFileName(result);
    return new StreamableFile(this.files.open(result.storageKey), {
      type: 'application/pdf',
      length: result.sizeBytes,
      disposition: contentDisposition(name),
    });
  }

  private async returnedOnline(application: Application): Promise<boolean> {
    if (application.state !== 'returned') return false;
    const events = await this.applications.eventsOf(application.id);
    return events.some((event) => event.type === 'return' && event.channel === 'online');
  }
}
