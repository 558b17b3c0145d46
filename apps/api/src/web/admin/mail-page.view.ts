import type { MailSinkMessage } from '@onegate/persistence';

import { paginationOf } from '../core/pagination';

interface CaughtMail {
  id: string;
  receivedAt: unknown;
  to: string[];
  subject: string;
  attachments: unknown[];
}

export function mailListView(
  result: { items: CaughtMail[]; total: number },
  page: number,
  pageSize: number,
  sinkRunning: boolean,
) {
  return {
    titleKey: 'adminMail.title',
    sinkRunning,
    total: result.total,
    messages: result.items.map((message) => ({
      id: message.id,
      receivedAt: message.receivedAt,
      to: message.to.join(', '),
      subject: message.subject,
      attachments: message.attachments.length,
    })),
    pagination: paginationOf('/admin/mail', page, result.total, pageSize),
  };
}

export function mailMessageView(message: MailSinkMessage) {
  return {
    titleText: message.subject || message.id,
    message: {
      id: message.id,
      receivedAt: message.receivedAt.toISOString(),
      from: message.mailFrom,
      to: message.recipients.join(', '),
      subject: message.subject,
      text: message.textBody,
      hasHtml: message.htmlBody !== null,
      attachments: (message.attachments ?? []).map((file, position) => ({
        name: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        href: `/admin/mail/${message.id}/attachments/${position}`,
      })),
    },
    breadcrumbs: [{ key: 'nav.adminMail', href: '/admin/mail' }, { text: message.subject || message.id }],
  };
}
