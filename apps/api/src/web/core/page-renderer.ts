import { Injectable } from '@nestjs/common';
import type { Response } from 'express';

import { csrfTokenFor, maskedToken } from '@onegate/auth';
import { AppConfig } from '@onegate/config';
import type { Language, Role } from '@onegate/domain';
import { NotificationRepository, UserRepository } from '@onegate/persistence';

import { lookup } from './messages';
import { navigationFor } from './navigation';
import { languageOf, publicFormToken } from './web-cookies';
import type { WebRequest } from './web-request';

export interface PageUser {
  id: string;
  name: string;
  role: Role;
}

/** What every page knows: language, who is signed in, the CSRF token for its forms, the navigation. */
export interface PageContext {
  lang: Language;
  user: PageUser | null;
  csrfToken: string;
  currentPath: string;
  [key: string]: unknown;
}

@Injectable()
export class PageRenderer {
  public constructor(
    private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  public async context(request: WebRequest, response: Response): Promise<PageContext> {
    const lang = languageOf(request);
    const signedIn = request.user ? await this.users.findById(request.user.id) : null;
    const user = signedIn ? { id: signedIn.id, name: signedIn.fullName, role: signedIn.role } : null;
    // The header's bell counts the unread notifications of whoever is signed in.
    const unreadNotifications = user ? await this.notifications.countUnread(user.id) : 0;
    const csrfToken = maskedToken(
      request.user?.via === 'cookie'
        ? csrfTokenFor(request.user.sessionId, this.config.jwtSecret)
        : publicFormToken(request, response, this.config.jwtSecret, this.config.isProduction),
    );
    const currentPath = request.originalUrl;
    const notice = typeof request.query.notice === 'string' ? request.query.notice : null;
    return {
      lang,
      user,
      csrfToken,
      currentPath,
      requestId: String(request.id ?? ''),
      navigation: navigationFor(user?.role ?? null, request.path),
      languageLinks: (['vi', 'en'] as const).map((code) => ({
        code,
        current: code === lang,
        href: `/language/${code}?next=${encodeURIComponent(currentPath)}`,
      })),
      // Only notices the catalogue knows are shown: the query cannot put text on the page.
      noticeKey: notice && lookup(lang, `notice.${notice}`) ? `notice.${notice}` : null,
      oidcEnabled: this.config.oidc !== null,
      unreadNotifications,
    };
  }

  public async render(
    request: WebRequest,
    response: Response,
    view: string,
    data: Record<string, unknown>,
    status = 200,
  ): Promise<void> {
    const context = { ...(await this.context(request, response)), ...data };
    const html = await new Promise<string>((resolve, reject) =>
      response.render(view, context, (error: Error | null, rendered: string) =>
        error ? reject(error) : resolve(rendered),
      ),
    );
    response.status(status).type('html').setHeader('Cache-Control', 'no-store');
    response.send(html);
  }
}
