import { createHash } from 'node:crypto';

import type { Request, Response } from 'express';

/** A strong entity tag of what an answer says. */
export function entityTag(...parts: string[]): string {
  return `"${createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 32)}"`;
}

/** Whether the client's If-None-Match already names this tag (a list, weak tags and `*` included). */
export function clientHolds(request: Request, tag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((entry) => entry.trim().replace(/^W\//, ''))
    .some((entry) => entry === tag || entry === '*');
}

/**
 * Sends an answer anyone may cache for `maxAgeSeconds`, with its entity tag: 304 and no body when the
 * client holds it already.
 */
export function sendCacheable(
  request: Request,
  response: Response,
  answer: { tag: string; maxAgeSeconds: number; type: string; body: () => Promise<Buffer> | Buffer },
  headers: Record<string, string> = {},
): Promise<void> | void {
  response.setHeader('Cache-Control', `public, max-age=${answer.maxAgeSeconds}`);
  response.setHeader('ETag', answer.tag);
  if (clientHolds(request, answer.tag)) {
    response.status(304).end();
    return;
  }
  return Promise.resolve(answer.body()).then((body) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(200).type(answer.type).send(body);
  });
}
