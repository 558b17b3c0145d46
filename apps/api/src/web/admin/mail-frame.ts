import type { Response } from 'express';

/**
 * The HTML part of a mail, for an iframe of the mail pages (which also sandbox it). Its own policy
 * lets the mail's inline styles and embedded images show and nothing else: no script, no form, no
 * remote content, and `sandbox` even when the address is opened on its own.
 */
const MAIL_FRAME_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

export function sendMailFrame(response: Response, html: string): void {
  response
    .status(200)
    .type('html')
    .setHeader('Content-Security-Policy', MAIL_FRAME_POLICY)
    .setHeader('X-Frame-Options', 'SAMEORIGIN')
    .setHeader('Cache-Control', 'no-store')
    .send(html);
}
