import type { INestApplication } from '@nestjs/common';

import { MailSinkRepository } from '@onegate/persistence';

import { eventually } from './http';
import type { SmtpCatcher } from './smtp-catcher';

/**
 * Where a suite reads the mail OneGate sent: its SMTP catcher, or, without one, the development mail
 * sink that the API keeps in its database (what /admin/mail shows).
 */
export type MailBox = SmtpCatcher | INestApplication;

export type LinkPage = '/verify-email' | '/reset-password';

/** The token of the newest link to `page` mailed to `address`, waiting for the mail to arrive. */
export async function tokenMailedTo(
  box: MailBox,
  address: string,
  page: LinkPage,
  after = 0,
): Promise<string> {
  const pattern = new RegExp(`${page}\\?token=([A-Za-z0-9_-]+)`);
  return eventually(async () => {
    const tokens = (await textsMailedTo(box, address))
      .map((text) => pattern.exec(text)?.[1])
      .filter((token): token is string => !!token);
    return tokens.length > after ? tokens[tokens.length - 1] : undefined;
  });
}

/** How many links to `page` have been mailed to `address` so far. */
export async function linksMailedTo(box: MailBox, address: string, page: LinkPage): Promise<number> {
  return (await textsMailedTo(box, address)).filter((text) => text.includes(`${page}?token=`)).length;
}

async function textsMailedTo(box: MailBox, address: string): Promise<string[]> {
  if ('to' in box) return box.to(address).map((mail) => mail.text);
  const page = await box.get(MailSinkRepository).list({ page: 1, pageSize: 100 });
  return page.items
    .filter((message) => message.recipients.includes(address))
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
    .map((message) => message.textBody ?? '');
}
