import type { LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

import { RefusedTarget, vettedAddresses, vetTarget } from './target-guard';

/** How one request ended: the receiver's status, or why no answer came. */
export interface SendOutcome {
  status: number | null;
  /** The receiver's Retry-After, in milliseconds, when it gave one. */
  retryAfterMs: number | null;
  error: string | null;
  durationMs: number;
}

/** The most of an answer's body read before it is dropped: nothing of it is kept. */
const ANSWER_BYTES = 64 * 1024;

/** Retry-After: whole seconds, or an HTTP date. */
export function retryAfterMs(header: string | undefined, now: number): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Node's connection looks the host up through this: the addresses are checked at every connection. */
function guardedLookup(allowedHosts: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    vettedAddresses(hostname.toLowerCase(), allowedHosts).then(
      (addresses: LookupAddress[]) => {
        const wanted = options.family
          ? addresses.filter((entry) => entry.family === options.family)
          : addresses;
        const usable = wanted.length > 0 ? wanted : addresses;
        if (options.all) (callback as (error: null, all: LookupAddress[]) => void)(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}

/**
 * POSTs one webhook: the target is checked again (its host resolved, every address vetted, and the
 * connection made only to a vetted address), no redirect is followed, and the whole exchange is
 * bounded by the timeout.
 */
export async function sendWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowedHosts: readonly string[] },
): Promise<SendOutcome> {
  const started = Date.now();
  const ended = (outcome: Omit<SendOutcome, 'durationMs'>): SendOutcome => ({
    ...outcome,
    durationMs: Date.now() - started,
  });
  let url: URL;
  try {
    url = await vetTarget(target, options.allowedHosts);
  } catch (error) {
    const reason = error instanceof RefusedTarget ? error.message : 'the target could not be checked';
    return ended({ status: null, retryAfterMs: null, error: `refused: ${reason}` });
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    // A host name is looked up here again and connected to only at a vetted address; an IP literal is
    // never looked up, and was vetted above as it stands.
    lookup: guardedLookup(options.allowedHosts),
    signal: AbortSignal.timeout(options.timeoutMs),
    agent: false,
  };
  return new Promise<SendOutcome>((resolve) => {
    const request = send(url, requestOptions, (response: IncomingMessage) => {
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > ANSWER_BYTES) response.destroy();
      });
      const finish = () => {
        const status = response.statusCode ?? null;
        const redirect = status !== null && status >= 300 && status < 400;
        resolve(
          ended({
            status,
            retryAfterMs: retryAfterMs(response.headers['retry-after'], Date.now()),
            error: redirect ? 'redirect not followed' : null,
          }),
        );
      };
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? `no answer within ${options.timeoutMs} ms`
          : error instanceof RefusedTarget
            ? `refused: ${error.message}`
            : `connection failed (${error.code ?? error.message})`;
      resolve(ended({ status: null, retryAfterMs: null, error: reason.slice(0, 200) }));
    });
    request.end(body);
  });
}
