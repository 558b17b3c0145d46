import { Injectable, NotFoundException, StreamableFile } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { DocumentStoreRepository } from '@onegate/persistence';
import { contentDisposition, FileStore } from '@onegate/platform';

import { storeDocumentsOf } from './document-store';
import type { StoreDocument } from './document-store';

const notInStore = () => new NotFoundException('No such document in your store');

/**
 * The citizen's document store ("Kho dữ liệu cá nhân", docs/documents.md): only ever their own files'
 * accepted documents and returned results; any other id is a 404, as if it did not exist.
 */
@Injectable()
export class DocumentStoreService {
  public constructor(
    private readonly store: DocumentStoreRepository,
    private readonly files: FileStore,
  ) {}

  public async list(user: AuthenticatedUser): Promise<StoreDocument[]> {
    return storeDocumentsOf(await this.store.filesOf(user.id));
  }

  public async find(user: AuthenticatedUser, id: string): Promise<StoreDocument> {
    const document = (await this.list(user)).find((entry) => entry.id === id);
    if (!document) throw notInStore();
    return document;
  }

  public async download(user: AuthenticatedUser, id: string): Promise<StreamableFile> {
    const document = await this.find(user, id);
    return new StreamableFile(this.files.open(document.storageKey), {
      type: document.mediaType,
      length: document.sizeBytes,
      disposition: contentDisposition(document.name),
    });
  }
}
