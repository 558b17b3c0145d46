import { BadRequestException, Injectable } from '@nestjs/common';

import { supplementItemsOf, unansweredItems } from '@onegate/domain';
import type { SupplementItem } from '@onegate/domain';
import { ApplicationRepository } from '@onegate/persistence';
import type { Application } from '@onegate/persistence';

/** The last supplement request of a file: when it was made and what it asks for. */
export interface SupplementRequest {
  /** The sequence of its `request_supplement` event, which the files sent for it keep. */
  sequence: number;
  items: SupplementItem[];
}

/**
 * What an online supplement needs (docs/lifecycle.md, "Supplements"): a file uploaded for the last
 * request under each item it asked for.
 */
@Injectable()
export class SupplementCheck {
  public constructor(private readonly applications: ApplicationRepository) {}

  public async lastRequest(application: Application): Promise<SupplementRequest | null> {
    const events = await this.applications.eventsOf(application.id);
    const request = events.filter((event) => event.type === 'request_supplement').at(-1);
    if (!request) return null;
    const names = (application.procedure?.requiredDocuments ?? []).map((document) => document.name);
    return { sequence: request.sequence, items: supplementItemsOf(request.data, names) };
  }

  /** Refuses (400) a supplement that leaves an item without a file, naming each such item. */
  public async assertAnswered(application: Application): Promise<void> {
    const request = await this.lastRequest(application);
    if (!request) return;
    const files = await this.applications.attachmentsOf(application.id);
    const left = unansweredItems(request.items, request.sequence, files);
    if (left.length === 0) return;
    throw new BadRequestException({
      message: `A file is needed for each requested document: ${left.map((item) => `"${item.name}"`).join(', ')}`,
      details: left.map((item) => ({
        field: `attachments.${item.name}`,
        problems: ['no file was sent for this requested document since the request'],
      })),
    });
  }
}
