import { Readable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import type { NdjsonLine } from './ndjson-lines';
import { ndjsonLines } from './ndjson-lines';

async function linesOf(chunks: string[], maxLineBytes = 1_000, maxTotalBytes = 1_000_000) {
  const lines: NdjsonLine[] = [];
  for await (const line of ndjsonLines(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), {
    maxLineBytes,
    maxTotalBytes,
  })) {
    lines.push(line);
  }
  return lines;
}

describe('NDJSON lines', () => {
  it('splits lines across chunks, numbering blank lines but passing over them', async () => {
    expect(await linesOf(['{"a":', '1}\n\n{"b"', ':2}\r\n', '{"c":3}'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 3, text: '{"b":2}' },
      { line: 4, text: '{"c":3}' },
    ]);
  });

  it('keeps a multi-byte character split between chunks whole', async () => {
    const bytes = Buffer.from('{"name":"Nguyễn"}\n');
    const lines: NdjsonLine[] = [];
    for await (const line of ndjsonLines(Readable.from([bytes.subarray(0, 13), bytes.subarray(13)]), {
      maxLineBytes: 100,
      maxTotalBytes: 1_000,
    })) {
      lines.push(line);
    }
    expect(lines).toEqual([{ line: 1, text: '{"name":"Nguyễn"}' }]);
  });

  it('reports a line that is too long without holding it, and goes on', async () => {
    expect(await linesOf([`${'x'.repeat(30)}\n{"ok":1}\n`], 20)).toEqual([
      { line: 1, error: 'the line is longer than 20 bytes' },
      { line: 2, text: '{"ok":1}' },
    ]);
  });

  it('stops keeping lines past the body limit and says so', async () => {
    const lines = await linesOf(['{"a":1}\n', '{"b":2}\n', '{"c":3}\n'], 100, 10);
    expect(lines[0]).toEqual({ line: 1, text: '{"a":1}' });
    expect(lines.at(-1)).toEqual({
      line: 2,
      error: 'the body is larger than 10 bytes: the rest was not read',
    });
  });
});
