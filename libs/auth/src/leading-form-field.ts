import type { Readable } from 'node:stream';

import type { Request } from 'express';

/** A first part holding a token fits in far less; past this much the body is not looked into. */
const LOOK_AHEAD_BYTES = 1024;

/**
 * The value of a multipart form's first part when it is the named field, looked at without
 * consuming the body: what was read is put back, so the upload is later read whole from its start.
 * Forms put their hidden CSRF field first, so its token is checked before any file is read.
 */
export async function leadingFormField(request: Request, name: string): Promise<string | undefined> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(request.header('content-type') ?? '');
  if (!boundary) return undefined;
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const head = (
    await lookAhead(request, (seen) => seen.includes(`\r\n${delimiter}`, delimiter.length))
  ).toString('latin1');
  if (!head.startsWith(`${delimiter}\r\n`)) return undefined;
  const headersEnd = head.indexOf('\r\n\r\n');
  const valueEnd = head.indexOf(`\r\n${delimiter}`, headersEnd);
  if (headersEnd < 0 || valueEnd < 0) return undefined;
  const disposition = new RegExp(`^content-disposition:\\s*form-data;\\s*name="${name}"\\s*$`, 'im');
  return disposition.test(head.slice(delimiter.length, headersEnd))
    ? head.slice(headersEnd + 4, valueEnd)
    : undefined;
}

/**
 * The value of a URL-encoded form's first field when it is the named one, looked at the same way:
 * at most LOOK_AHEAD_BYTES are read and put back, so a forged post is refused with the rest unread.
 */
export async function leadingUrlEncodedField(request: Request, name: string): Promise<string | undefined> {
  const opening = `${name}=`;
  // Enough once the field has ended, or as soon as it is plainly another field.
  const enough = (seen: string) =>
    seen.includes('&') || !(seen.startsWith(opening) || opening.startsWith(seen));
  const head = (await lookAhead(request, enough)).toString('latin1');
  const ampersand = head.indexOf('&');
  if (ampersand < 0 && head.length >= LOOK_AHEAD_BYTES) return undefined;
  const first = ampersand < 0 ? head : head.slice(0, ampersand);
  if (!first.startsWith(opening)) return undefined;
  try {
    return decodeFormText(first.slice(opening.length));
  } catch {
    return undefined; // malformed percent-encoding: no token
  }
}

const decodeFormText = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));

/** Reads until `enough` or LOOK_AHEAD_BYTES, then puts it all back at the front of the stream. */
async function lookAhead(
  stream: Readable & { complete?: boolean },
  enough: (seen: string) => boolean,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let seen = Buffer.alloc(0);
  try {
    while (seen.length < LOOK_AHEAD_BYTES && !enough(seen.toString('latin1'))) {
      const chunk = stream.read() as Buffer | null;
      if (chunk) {
        chunks.push(chunk);
        seen = Buffer.concat(chunks);
      } else if (stream.complete || stream.destroyed || (await moreOrGone(stream)) === 'gone') {
        break;
      }
    }
  } finally {
    // In the same turn as the last read: the stream cannot have ended in between.
    if (seen.length > 0 && !stream.readableEnded) stream.unshift(seen);
  }
  return seen;
}

function moreOrGone(stream: Readable): Promise<'more' | 'gone'> {
  return new Promise((settle) => {
    const more = () => finish('more');
    const gone = () => finish('gone');
    const finish = (how: 'more' | 'gone') => {
      stream.off('readable', more).off('close', gone).off('error', gone);
      settle(how);
    };
    stream.on('readable', more).on('close', gone).on('error', gone);
  });
}
