import { Writable } from 'node:stream';

import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';

import { REDACTED_PATHS } from './logger.module';

const NATIONAL_ID = '022090001234';
const EMAIL = 'binh@example.vn';

function capture(): { logger: pino.Logger; written: () => string } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const logger = pino({ level: 'debug', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
  return { logger, written: () => text };
}

describe('log redaction', () => {
  it('keeps secrets and personal data of logged objects out of the log', () => {
    const { logger, written } = capture();
    logger.info({ body: { password: 'Ha Long bay at dawn', nationalId: NATIONAL_ID } }, 'body');
    logger.info({ tokens: { accessToken: 'eyJ.access', refreshToken: 'refresh-secret' } }, 'tokens');
    logger.info({ application: { formData: { nationalId: NATIONAL_ID, address: '1 Bến Đoan' } } }, 'form');
    expect(written()).toContain('[redacted]');
    for (const secret of ['Ha Long bay at dawn', NATIONAL_ID, 'eyJ.access', 'refresh-secret', 'Bến Đoan']) {
      expect(written()).not.toContain(secret);
    }
  });

  it('keeps the values of a failed query out of the error logged for it', () => {
    const { logger, written } = capture();
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      detail: `Key (email)=(${EMAIL}) already exists.`,
    });
    const failed = new QueryFailedError(
      'INSERT INTO users VALUES ($1, $2)',
      [EMAIL, NATIONAL_ID],
      driverError,
    );
    logger.error({ err: failed, requestId: 'r-1' }, 'unexpected error');
    expect(written()).toContain('duplicate key value');
    expect(written()).not.toContain(EMAIL);
    expect(written()).not.toContain(NATIONAL_ID);
  });
});
