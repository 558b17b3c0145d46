import type { Readable } from 'node:stream';

/** A line of the body: its text, or why it cannot be read. Numbers count every line from 1. */
export type NdjsonLine = { line: number; text: string } | { line: number; error: string };

export interface NdjsonLimits {
  /** The longest line kept in memory; a longer one is reported and skipped. */
  readonly maxLineBytes: number;
  /** Beyond this many bytes the body is not read further. */
  readonly maxTotalBytes: number;
}

const NEWLINE = 0x0a;

/**
 * Splits a stream into lines as it arrives, holding at most one line in memory, so a body of any
 * size streams through. Blank lines are passed over (but counted).
 */
export async function* ndjsonLines(source: Readable, limits: NdjsonLimits): AsyncGenerator<NdjsonLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let line = 1;
  let total = 0;
  const finish = (): NdjsonLine | null => {
    const current = line;
    line += 1;
    if (tooLong) {
      tooLong = false;
      return { line: current, error: `the line is longer than ${limits.maxLineBytes} bytes` };
    }
    const text = Buffer.concat(pending, pendingBytes).toString('utf8').trim();
    pending = [];
    pendingBytes = 0;
    return text === '' ? null : { line: current, text };
  };
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    // Past the limit the rest of the body is read (so the answer can still be sent) but not kept,
    // nor is the line it cuts.
    if (total > limits.maxTotalBytes) {
      pending = [];
      pendingBytes = 0;
      tooLong = false;
      continue;
    }
    let start = 0;
    for (
      let newline = bytes.indexOf(NEWLINE, start);
      newline !== -1;
      newline = bytes.indexOf(NEWLINE, start)
    ) {
      keep(bytes.subarray(start, newline));
      const done = finish();
      if (done) yield done;
      start = newline + 1;
    }
    keep(bytes.subarray(start));
  }
  if (pendingBytes > 0 || tooLong) {
    const done = finish();
    if (done) yield done;
  }
  if (total > limits.maxTotalBytes) {
    yield { line, error: `the body is larger than ${limits.maxTotalBytes} bytes: the rest was not read` };
  }

  function keep(part: Buffer): void {
    if (tooLong || part.length === 0) return;
    if (pendingBytes + part.length > limits.maxLineBytes) {
      tooLong = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  }
}
