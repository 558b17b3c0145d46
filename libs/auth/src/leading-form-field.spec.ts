import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';

import type { Request } from 'express';
import { describe, expect, it } from 'vitest';

import { leadingUrlEncodedField } from './leading-form-field';

/** A body whose first bytes have arrived and whose rest never comes unless `end` is given. */
function bodyStartingWith(start: string, end?: string): PassThrough {
  const body = new PassThrough();
  body.write(start);
  if (end !== undefined) body.end(end);
  return body;
}

describe('leadingUrlEncodedField', () => {
  it('gives the first field’s value and leaves the whole body to be read', async () => {
    const body = bodyStartingWith('_csrf=a%2Bb+c&reason=', 'why');
    expect(await leadingUrlEncodedField(body as unknown as Request, '_csrf')).toBe('a+b c');
    expect(await text(body)).toBe('_csrf=a%2Bb+c&reason=why');
  });

  it('answers at once, without waiting for the rest, when the first field is another one', async () => {
    const body = bodyStartingWith('reason=the+token+comes+la');
    expect(await leadingUrlEncodedField(body as unknown as Request, '_csrf')).toBeUndefined();
  });

  it('takes a body holding only the token', async () => {
    const body = bodyStartingWith('_csrf=token', '');
    expect(await leadingUrlEncodedField(body as unknown as Request, '_csrf')).toBe('token');
  });
});
