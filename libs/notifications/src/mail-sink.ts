import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import type { OnModuleDestroy } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import type { Attachment as ParsedAttachment } from 'mailparser';
import type { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

import { MailSinkRepository } from '@onegate/persistence';
import type { MailSinkAttachment } from '@onegate/persistence';
import { FileStore } from '@onegate/platform';

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const KEEP_MS = 7 * 24 * 3_600_000;

/**
 * A real SMTP server for development: when no SMTP_URL is set outside production, the worker sends its
 * mail here. Each message is parsed and kept in the database (its attachments in the file store) for a
 * week, where the portal shows it to administrators (/admin/mail). It listens only on the loopback
 * interface, on a port the system picks.
 */
@Injectable()
export class MailSink implements OnModuleDestroy {
  private readonly logger = new Logger(MailSink.name);
  private server: SMTPServer | null = null;

  public constructor(
    private readonly messages: MailSinkRepository,
    private readonly files: FileStore,
  ) {}

  /** Starts listening; answers the port. */
  public async start(): Promise<number> {
    // Loaded here, not at start-up: only a development worker without SMTP_URL ever runs the sink.
    const { SMTPServer } = await import('smtp-server');
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      banner: 'OneGate development mail sink',
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onData: (stream, session, callback) => {
        this.keep(stream, session).then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    await new Promise<void>((listening, failed) => {
      server.once('error', failed);
      server.listen(0, '127.0.0.1', () => listening());
    });
    this.server = server;
    const port = (server.server.address() as AddressInfo).port;
    this.logger.log({ port }, 'no SMTP_URL: mail goes to the development sink, readable at /admin/mail');
    return port;
  }

  public async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((closed) => server.close(() => closed()));
  }

  private async keep(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const { simpleParser } = await import('mailparser');
    const parsed = await simpleParser(stream);
    if (stream.sizeExceeded) throw new Error(`message larger than ${MAX_MESSAGE_BYTES} bytes`);
    const now = new Date();
    const attachments = await Promise.all(parsed.attachments.map((attachment) => this.store(attachment)));
    try {
      await this.messages.insert({
        id: randomUUID(),
        receivedAt: now,
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        recipients: session.envelope.rcptTo.map((recipient) => recipient.address),
        subject: (parsed.subject ?? '').slice(0, 500),
        textBody: parsed.text ?? null,
        htmlBody: typeof parsed.html === 'string' ? parsed.html : null,
        attachments,
      });
    } catch (error) {
      await Promise.all(attachments.map((attachment) => this.files.remove(attachment.storageKey)));
      throw error;
    }
    await this.removeReceivedBefore(new Date(now.getTime() - KEEP_MS));
  }

  private async store(attachment: ParsedAttachment): Promise<MailSinkAttachment> {
    const stored = await this.files.save(attachment.content);
    return {
      fileName: (attachment.filename ?? 'attachment').slice(0, 255),
      mediaType: attachment.contentType || 'application/octet-stream',
      sizeBytes: stored.sizeBytes,
      storageKey: stored.storageKey,
    };
  }

  private async removeReceivedBefore(cutoff: Date): Promise<void> {
    const expired = await this.messages.receivedBefore(cutoff);
    const keys = expired.flatMap((message) => (message.attachments ?? []).map((file) => file.storageKey));
    await Promise.all(keys.map((key) => this.files.remove(key)));
    await this.messages.removeReceivedBefore(cutoff);
  }
}
