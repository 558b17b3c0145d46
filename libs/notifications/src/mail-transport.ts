import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import type { Transporter } from 'nodemailer';

import { AppConfig } from '@onegate/config';

import { MailSink } from './mail-sink';

export interface OutgoingMail {
  /** Stable per notification, so a resent message is recognisable as the same one. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  attachments: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Bounds on one send, well inside the delivery's lease (SEND_LEASE_MS in notification-delivery.ts). */
const SEND_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };

/** How long a successful check that the server answers is trusted before the next send checks again. */
const VERIFIED_FOR_MS = 30_000;

/**
 * The outgoing mail server: SMTP_URL, or outside production without it, the development sink. In
 * production without SMTP_URL there is no e-mail: notifications are only shown in the application.
 * Set up on first use (and at start-up), so a worker that fails to start leaves no sink behind.
 */
@Injectable()
export class MailTransport implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private transporter: Promise<Transporter | null> | null = null;
  private verifiedAt = 0;

  public constructor(
    private readonly config: AppConfig,
    private readonly sink: MailSink,
  ) {}

  public async onApplicationBootstrap(): Promise<void> {
    await this.connection();
  }

  public async onModuleDestroy(): Promise<void> {
    const transporter = await this.transporter?.catch(() => null);
    transporter?.close();
  }

  public async isEnabled(): Promise<boolean> {
    return (await this.connection()) !== null;
  }

  /** Connects and greets the server (at most every 30 s); throws while it cannot be reached. */
  public async assertReachable(): Promise<void> {
    if (Date.now() - this.verifiedAt < VERIFIED_FOR_MS) return;
    try {
      await (await this.required()).verify();
    } catch (error) {
      this.verifiedAt = 0;
      throw error;
    }
    this.verifiedAt = Date.now();
  }

  public async send(mail: OutgoingMail): Promise<void> {
    await (
      await this.required()
    ).sendMail({
      from: this.config.mailFrom,
      messageId: mail.messageId,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.language },
      attachments: mail.attachments,
    });
  }

  private async required(): Promise<Transporter> {
    const transporter = await this.connection();
    if (!transporter) throw new Error('e-mail is off: SMTP_URL is not set');
    return transporter;
  }

  private connection(): Promise<Transporter | null> {
    if (!this.transporter) {
      this.transporter = this.open();
      this.transporter.catch(() => (this.transporter = null));
    }
    return this.transporter;
  }

  private async open(): Promise<Transporter | null> {
    // Loaded here, not at start-up: only the worker and the API's account mail send any.
    const { createTransport } = await import('nodemailer');
    if (this.config.smtpUrl) return createTransport({ url: this.config.smtpUrl, ...SEND_TIMEOUTS });
    if (this.config.isProduction) {
      this.logger.warn('SMTP_URL is not set: notifications are stored but no e-mail is sent');
      return null;
    }
    const port = await this.sink.start();
    return createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, ...SEND_TIMEOUTS });
  }
}
