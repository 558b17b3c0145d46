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
          this.messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            language: (parsed.headers.get('content-language') as string | undefined) ?? null,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  private port = 0;

  public static async start(): Promise<SmtpCatcher> {
    const catcher = new SmtpCatcher();
    await new Promise<void>((listening) => catcher.server.listen(0, '127.0.0.1', () => listening()));
    catcher.port = (catcher.server.server.address() as AddressInfo).port;
    return catcher;
  }

  public get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  public to(address: string): CaughtMail[] {
    return this.messages.filter((message) => message.to.includes(address));
  }

  public stop(): Promise<void> {
    return new Promise((closed) => this.server.close(() => closed()));
  }
}
