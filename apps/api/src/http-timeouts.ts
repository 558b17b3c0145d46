import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import type { HttpTimeouts } from '@onegate/config';

/** Node checks the header and request timeouts on a timer; at most this far apart. */
const CHECK_EVERY_MS = 1_000;

/**
 * How long an idle kept-alive connection stays open: longer than the 60 seconds that load balancers
 * and reverse proxies commonly keep theirs, so that none of them sends a request on a connection
 * OneGate is closing at that moment (the request would be reset). Node's default is 5 seconds.
 */
const KEEP_ALIVE_MS = 65_000;

/**
 * A slow client cannot hold a connection (docs/operations.md, "Slow clients"): its headers must
 * arrive in time, its body must not stall, the whole request must arrive in time, and it must read
 * the answer. Time OneGate takes to prepare an answer is OneGate's doing, not the client's, and is
 * never cut.
 */
export function applyHttpTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  // Read when the server starts listening (Node's default: every 30 seconds).
  Object.assign(server, {
    connectionsCheckingInterval: Math.min(CHECK_EVERY_MS, timeouts.headersMs, timeouts.requestMs),
  });
  // Before the application's own listener, which may answer at once.
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    cutStalledBody(request, timeouts.bodyIdleMs);
    onAnswerStart(response, () => {
      // An answer given before the request's body has arrived (a refusal: 401, 403, 404, 413) closes
      // the connection once sent, instead of keeping it to read and throw away the rest of the body.
      if (!request.complete) response.shouldKeepAlive = false;
      cutUnreadAnswer(response, timeouts.bodyIdleMs);
    });
  });
}

/**
 * Closes the connection when the request's body stalls: no byte has arrived for `idleMs` while
 * OneGate was waiting for one. While OneGate's own reader holds the stream back (its buffer full, so
 * Node has stopped reading the socket: an import writing to the database, say), the clock stops; a
 * socket timeout would count that time too and cut a client that did nothing wrong.
 */
function cutStalledBody(request: IncomingMessage, idleMs: number): void {
  const { 'transfer-encoding': chunked, 'content-length': length } = request.headers;
  if (chunked === undefined && !(Number(length) > 0)) return;
  const socket = request.socket;
  // While the socket is paused it is OneGate's turn, not the client's.
  closeWhenStalled(socket, idleMs, request, () =>
    request.complete ? 'done' : socket.isPaused() ? null : socket.bytesRead,
  );
}

/**
 * Closes the connection when the client stops reading the answer: bytes are waiting to be sent and
 * none has left for `idleMs`. Otherwise one client could keep a connection, and the answer's memory,
 * for as long as it liked.
 */
function cutUnreadAnswer(response: ServerResponse, idleMs: number): void {
  const socket = response.socket;
  if (!socket) return;
  closeWhenStalled(socket, idleMs, response, () => {
    if (response.writableFinished) return 'done';
    const waiting = bytesWaiting(socket);
    // Nothing waiting: it is OneGate's turn (a streamed answer being prepared), not the client's.
    return waiting === 0 ? null : waiting;
  });
}

/**
 * Destroys the socket once `progress` has given the same mark for `idleMs`: the client has done
 * nothing meanwhile. `null` means it is OneGate's turn, which stops the clock; `done`, that the
 * watch is over (so does `owner` closing).
 */
function closeWhenStalled(
  socket: Socket,
  idleMs: number,
  owner: { once(event: 'close', listener: () => void): unknown },
  progress: () => number | null | 'done',
): void {
  let mark = progress();
  let idleSince = Date.now();
  const watch = setInterval(
    () => {
      const now = progress();
      if (now === 'done' || socket.destroyed) return clearInterval(watch);
      if (now !== mark || now === null) {
        mark = now;
        idleSince = Date.now();
      } else if (Date.now() - idleSince >= idleMs) {
        clearInterval(watch);
        socket.destroy();
      }
    },
    Math.min(CHECK_EVERY_MS, idleMs / 4),
  );
  watch.unref();
  owner.once('close', () => clearInterval(watch));
}

/**
 * The bytes of the answer not yet taken by the client. A large answer is one write whose bytes all
 * count as written at once (`bytesWritten`) and as buffered until the last leaves (`writableLength`):
 * only the handle's write queue shows the client reading it.
 */
function bytesWaiting(socket: Socket): number {
  const handle = (socket as Socket & { _handle?: { writeQueueSize?: number } })._handle;
  return socket.writableLength + (handle?.writeQueueSize ?? 0);
}

/** Calls `started` once, when the answer's head is written. */
function onAnswerStart(response: ServerResponse, started: () => void): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    response.writeHead = writeHead;
    started();
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
