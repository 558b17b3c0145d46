import type { AddressInfo } from 'node:net';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  from: string | null;
  to: string[];
  subject: string;
  text: string;
  html: string;
  language: string | null;
  messageId: string | null;
  attachments: CaughtAttachment[];
}

export interface CaughtAttachment {
  filename: string | null;
  contentType: string;
  content: Buffer;
}

/** A real SMTP server on a free port of this machine, keeping every message it is given, parsed. */
export class SmtpCatcher {
  public readonly messages: CaughtMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      simpleParser(stream).then(
        (parsed) => {
          const mail: CaughtMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            language: (parsed.headers.get('content-language') as string | undefined) ?? null,
            messageId: parsed.messageId ?? null,
            attachments: parsed.attachments.map((attachment) => ({
              filename: attachment.filename ?? null,
              contentType: attachment.contentType,
              content: attachment.content,
            })),
          };
          this.answer(session.id, () => {
            this.messages.push(mail);
            callback();
          });
        },
        (error: Error) => callback(error),
      );
    },
    onClose: (session) => this.gone.add(session.id),
  });
  private port = 0;
  private holding = false;
  private readonly held: { sessionId: string; accept: () => void }[] = [];
  private readonly gone = new Set<string>();

  private answer(sessionId: string, accept: () => void): void {
    if (this.holding) this.held.push({ sessionId, accept });
    else accept();
  }

  public static async start(): Promise<SmtpCatcher> {
    const catcher = new SmtpCatcher();
    await new Promise<void>((listening) => catcher.server.listen(0, '127.0.0.1', () => listening()));
    catcher.port = (catcher.server.server.address() as AddressInfo).port;
    return catcher;
  }

  public get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /**
   * From now on, leaves each fully received message unanswered: the sender waits for the server's
   * acceptance. A message whose sender disconnects meanwhile is never accepted, as with a real server.
   */
  public hold(): void {
    this.holding = true;
  }

  /** How many messages are waiting for an answer. */
  public get heldCount(): number {
    return this.held.length;
  }

  /** Accepts the held messages whose sender is still connected, and answers the next ones at once. */
  public release(): void {
    this.holding = false;
    for (const { sessionId, accept } of this.held.splice(0)) if (!this.gone.has(sessionId)) accept();
  }

  public to(address: string): CaughtMail[] {
    return this.messages.filter((message) => message.to.includes(address));
  }

  public stop(): Promise<void> {
    return new Promise((closed) => this.server.close(() => closed()));
  }
}
