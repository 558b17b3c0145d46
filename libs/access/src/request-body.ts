/** Where the HTTP boundary leaves the reader of a request's body, to be run once the caller is known. */
const BODY_READER = Symbol('onegate:body-reader');

type Reader = () => Promise<void>;
interface WithReader {
  [BODY_READER]?: Reader | Promise<void>;
}

/** Leaves the body unread: it is read only when `readRequestBody` is called (docs/architecture.md). */
export function deferBodyReading(request: object, read: Reader): void {
  (request as WithReader)[BODY_READER] = read;
}

/**
 * Reads the JSON or form body, once, however often it is asked for; a request without a deferred
 * reader (no body, or one a route streams itself) is left as it is.
 */
export function readRequestBody(request: object): Promise<void> {
  const holder = request as WithReader;
  const pending = holder[BODY_READER];
  if (!pending) return Promise.resolve();
  if (typeof pending !== 'function') return pending;
  const reading = pending();
  holder[BODY_READER] = reading;
  return reading;
}
