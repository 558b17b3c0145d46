import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';

export interface PartialExchange {
  /** The answer's status, or null when none came. */
  status: number | null;
  /** The answer's body as text ('' when none came). */
  body: string;
  /** Whether the server closed the connection before the wait was over. */
  closedByServer: boolean;
  /** How long after the last byte sent the answer or the close came (or the wait ended). */
  afterMs: number;
}

export interface PartialRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** false: the blank line that ends the headers is never sent. */
  headersDone?: boolean;
  /** The part of the body that is sent; whatever Content-Length says, nothing more follows. */
  bodyStart?: Buffer;
}

/**
 * Sends a request over a plain socket and then stops, as a slow or hostile client does: the head
 * (or part of it) and only the start of the body. Waits up to `waitMs` for a whole answer or for
 * the server to close the connection, and says which came.
 */
export function sendPartly(
  baseUrl: string,
  request: PartialRequest,
  waitMs: number,
): Promise<PartialExchange> {
  const { hostname, port } = new URL(baseUrl);
  const lines = [
    `${request.method} ${request.path} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
  ];
  const headersDone = request.headersDone !== false;
  return new Promise((settle) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let sentAt = Date.now();
    let settled = false;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      settle({ ...parseAnswer(received), closedByServer, afterMs: Date.now() - sentAt });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('connect', () => {
      socket.write(`${lines.join('\r\n')}\r\n${headersDone ? '\r\n' : ''}`);
      if (request.bodyStart) socket.write(request.bodyStart);
      sentAt = Date.now();
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (isWhole(received)) finish(false);
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
  });
}

function parseAnswer(received: Buffer): { status: number | null; body: string } {
  const text = received.toString('utf8');
  const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
  const headEnd = text.indexOf('\r\n\r\n');
  return { status: status ? Number(status) : null, body: headEnd < 0 ? '' : text.slice(headEnd + 4) };
}

function isWhole(received: Buffer): boolean {
  const headEnd = received.indexOf('\r\n\r\n');
  if (headEnd < 0) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(received.subarray(0, headEnd).toString('latin1'))?.[1];
  return length !== undefined && received.length - headEnd - 4 >= Number(length);
}

/** The start of a multipart form: its boundary, and the opening of a file part of the given field. */
export function multipartStart(
  fields: Record<string, string>,
  fileField: string,
  boundary = 'onegate-test-boundary',
): {
  contentType: string;
  start: Buffer;
} {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const file = `--${boundary}\r\ncontent-disposition: form-data; name="${fileField}"; filename="scan.pdf"\r\ncontent-type: application/pdf\r\n\r\n%PDF-1.4\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    start: Buffer.concat([Buffer.from(parts.join('') + file), Buffer.alloc(64 * 1024, 0x20)]),
  };
}

/** How a large upload ended, as the sending client saw it. */
export interface LargeFormOutcome {
  /** The answer's status, or null when none was read. */
  status: number | null;
  /** The socket error that ended the exchange (`ECONNRESET`, `EPIPE`...), or null. */
  error: string | null;
  /** Whether every byte of the body had been handed to the socket before the exchange ended. */
  sentWhole: boolean;
}

/**
 * Posts a multipart form of `files` file parts of `fileBytes` each, generated as it is sent (the
 * sender holds one megabyte at a time), and gives the status of the answer once the sending is over.
 */
export async function postLargeForm(
  url: string,
  headers: Record<string, string>,
  files: number,
  fileBytes: number,
): Promise<number | null> {
  return (await sendLargeForm(url, headers, files, fileBytes)).status;
}

/** `postLargeForm`, saying also how the connection ended: an error, and whether the body was all sent. */
export function sendLargeForm(
  url: string,
  headers: Record<string, string>,
  files: number,
  fileBytes: number,
): Promise<LargeFormOutcome> {
  const boundary = 'onegate-large-form';
  const heads = Array.from({ length: files }, (_, index) =>
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="document-${index}"; filename="scan-${index}.pdf"\r\ncontent-type: application/pdf\r\n\r\n`,
    ),
  );
  const crlf = Buffer.from('\r\n');
  const end = Buffer.from(`--${boundary}--\r\n`);
  const length = heads.reduce((sum, head) => sum + head.length + fileBytes + crlf.length, end.length);
  const megabyte = Buffer.alloc(1024 * 1024, 0x25);
  return new Promise<LargeFormOutcome>((settle) => {
    let status: number | null = null;
    let error: string | null = null;
    let sentWhole = false;
    const sending = httpRequest(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': length,
      },
    });
    sending.on('response', (response) => {
      status = response.statusCode ?? null;
      response.resume();
    });
    sending.on('error', (failure: NodeJS.ErrnoException) => {
      error = failure.code ?? failure.message;
      settle({ status, error, sentWhole });
    });
    sending.on('close', () => settle({ status, error, sentWhole }));
    void (async () => {
      const write = (chunk: Buffer) =>
        sending.write(chunk) ? Promise.resolve() : new Promise((drained) => sending.once('drain', drained));
      for (const head of heads) {
        await write(head);
        for (let sent = 0; sent < fileBytes; sent += megabyte.length) {
          if (sending.destroyed) return;
          await write(megabyte.subarray(0, Math.min(megabyte.length, fileBytes - sent)));
        }
        await write(crlf);
      }
      if (sending.destroyed) return;
      sending.end(end, () => (sentWhole = true));
    })();
  });
}
