import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterEach, describe, expect, it } from 'vitest';

import { applyHttpTimeouts } from './http-timeouts';

const BODY_IDLE_MS = 1_000;
const BODY_BYTES = 4 * 1024 * 1024;

/** Starts the server with OneGate's timeouts, BODY_IDLE_MS idle allowed. */
async function listening(server: Server): Promise<Server> {
  applyHttpTimeouts(server, {
    headersMs: 5_000,
    bodyIdleMs: BODY_IDLE_MS,
    requestMs: 60_000,
    shutdownGraceMs: 0,
  });
  await new Promise<void>((started) => server.listen(0, '127.0.0.1', started));
  return server;
}

/** A server whose reader takes the first chunk, then holds the body back for `pauseMs` before reading the rest. */
async function serverPausingFor(pauseMs: number) {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let received = 0;
    request.once('data', (first: Buffer) => {
      received += first.length;
      request.pause();
      setTimeout(() => request.resume(), pauseMs);
      request.on('data', (chunk: Buffer) => (received += chunk.length));
    });
    request.on('end', () => response.end(String(received)));
  });
  return listening(server);
}

/** Posts a head declaring BODY_BYTES and then `sent` bytes of body; the answer, or null if the connection was closed. */
function post(port: number, sent: number): Promise<string | null> {
  return new Promise((settle) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => settle(/^HTTP\/1\.1 200/.test(answer) ? answer.split('\r\n\r\n')[1]! : null));
    socket.on('error', () => undefined);
    socket.write(`POST / HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: ${BODY_BYTES}\r\n\r\n`);
    socket.write(Buffer.alloc(sent, 0x61));
  });
}

describe('the body-idle timeout', () => {
  let server: ReturnType<typeof createServer> | undefined;
  afterEach(() => new Promise<void>((closed) => (server ? server.close(() => closed()) : closed())));

  it('does not count the time OneGate’s own reader holds the body back', async () => {
    server = await serverPausingFor(3 * BODY_IDLE_MS);
    const answer = await post((server.address() as AddressInfo).port, BODY_BYTES);
    expect(answer).toBe(String(BODY_BYTES));
  });

  it('still cuts a client whose body stalls', async () => {
    server = await serverPausingFor(0);
    const started = Date.now();
    const answer = await Promise.race([
      post((server.address() as AddressInfo).port, 1024),
      sleep(10_000, 'waiting'),
    ]);
    expect(answer).toBeNull();
    expect(Date.now() - started).toBeLessThan(4 * BODY_IDLE_MS);
  });
});

const ANSWER_BYTES = 32 * 1024 * 1024;

/** A server answering every request with ANSWER_BYTES at once. */
async function serverAnsweringLarge() {
  const server = createServer((_request: IncomingMessage, response: ServerResponse) => {
    response.end(Buffer.alloc(ANSWER_BYTES, 0x61));
  });
  return listening(server);
}

/**
 * Asks for the answer and reads it, stopping for `stopMs` after the first bytes and, if `everyMs` is
 * set, for that long after every chunk; how many bytes came, and whether that was the whole answer.
 * (A client that is not reading does not hear its connection closed: it hears it once it reads again.)
 */
function readAnswer(
  port: number,
  pauses: { stopMs: number; everyMs?: number },
): Promise<{ bytes: number; whole: boolean }> {
  return new Promise((settle) => {
    const socket = connect(port, '127.0.0.1');
    let bytes = 0;
    socket.on('data', (chunk: Buffer) => {
      const first = bytes === 0;
      bytes += chunk.length;
      const pauseMs = first ? pauses.stopMs : pauses.everyMs;
      if (pauseMs === undefined) return;
      socket.pause();
      setTimeout(() => socket.resume(), pauseMs);
    });
    socket.on('close', () => settle({ bytes, whole: bytes > ANSWER_BYTES }));
    socket.on('error', () => undefined);
    socket.write('GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
  });
}

describe('an answer the client does not read', () => {
  let server: ReturnType<typeof createServer> | undefined;
  afterEach(() => new Promise<void>((closed) => (server ? server.close(() => closed()) : closed())));

  it('closes the connection of a client that stops reading', async () => {
    server = await serverAnsweringLarge();
    const outcome = await readAnswer((server.address() as AddressInfo).port, { stopMs: 4 * BODY_IDLE_MS });
    expect(outcome.whole).toBe(false);
  });

  it('lets a slow client that keeps reading have the whole answer', async () => {
    server = await serverAnsweringLarge();
    const outcome = await readAnswer((server.address() as AddressInfo).port, { stopMs: 5, everyMs: 5 });
    expect(outcome.whole).toBe(true);
  }, 60_000);
});
