import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Like, Repository } from 'typeorm';

import { ApplicationMessage, Attachment } from '../entities';
import { EntityRows } from '../entity-rows';

/** The name its files are kept under in `attachments`: apart from the file's documents. */
export const messageFilesName = (messageId: string): string => `message:${messageId}`;
export const MESSAGE_FILES_PREFIX = 'message:';

/** A file's thread, oldest first, each message with its files. */
export interface ThreadMessage {
  message: ApplicationMessage;
  files: Attachment[];
}

@Injectable()
export class ApplicationMessageRepository {
  private readonly messages: Repository<ApplicationMessage>;
  private readonly rows: EntityRows<ApplicationMessage>;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.messages = dataSource.getRepository(ApplicationMessage);
    this.rows = new EntityRows(dataSource, ApplicationMessage);
  }

  /** Writes a message with its files, in the caller's transaction (an action's) or one of its own. */
  public async insert(
    message: ApplicationMessage,
    files: Attachment[],
    manager?: EntityManager,
  ): Promise<void> {
    const write = async (into: EntityManager) => {
      await this.rows.insert(into, [message]);
      if (files.length > 0) await into.getRepository(Attachment).insert(files);
    };
    await (manager ? write(manager) : this.dataSource.transaction(write));
  }

  public async threadOf(applicationId: string): Promise<ThreadMessage[]> {
    const [messages, files] = await Promise.all([
      this.messages.find({ where: { applicationId }, order: { at: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(Attachment).find({
        where: { applicationId, documentName: Like(`${MESSAGE_FILES_PREFIX}%`) },
        order: { uploadedAt: 'ASC' },
      }),
    ]);
    return messages.map((message) => ({
      message,
      files: files.filter((file) => file.documentName === messageFilesName(message.id)),
    }));
  }

  public countOf(applicationId: string): Promise<number> {
    return this.messages.countBy({ applicationId });
  }
}
