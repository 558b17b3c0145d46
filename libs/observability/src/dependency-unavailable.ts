import { ServiceUnavailableException } from '@nestjs/common';

/**
 * Error codes meaning the database (or another backing service) cannot be reached right now, rather
 * than a wrong request or query: connection refused or cut, server shutting down or starting
 * (PostgreSQL 57P01-57P03), too many connections (53300), connection exceptions (class 08).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
/** What node-postgres says, without a code, when a connection drops or cannot be made in time. */
const UNAVAILABLE_MESSAGES = /^Connection terminated|timeout exceeded when trying to connect/i;

export const TRY_AGAIN_MESSAGE = 'The service is briefly unavailable. Please try again in a moment.';

function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isUnavailable(inner, depth + 1))) return true;
  return isUnavailable(driverError, depth + 1) || isUnavailable(cause, depth + 1);
}

/** An outage of the database becomes a 503 asking to try again; any other error is left as it is. */
export function unavailableAsHttp(exception: unknown): unknown {
  return isUnavailable(exception) ? new ServiceUnavailableException(TRY_AGAIN_MESSAGE) : exception;
}
