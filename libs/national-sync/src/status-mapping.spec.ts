import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { APPLICATION_STATES } from '@onegate/domain';

import { PORTAL_STATUSES } from './status-mapping';

const DOC = resolve(__dirname, '../../../docs/integrations.md');

/** The mapping as docs/integrations.md draws it: state, code (null for —) and wording. */
function documented(): { state: string; code: string | null; wording: string }[] {
  const text = readFileSync(DOC, 'utf8');
  const table = text.split('<!-- status-mapping:start -->')[1]?.split('<!-- status-mapping:end -->')[0] ?? '';
  return table
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => cells.length === 5 && /^`[a-z_]+`$/.test(cells[1]!))
    .map(([, state, code, wording]) => ({
      state: state!.slice(1, -1),
      code: code === '—' ? null : code!,
      wording: wording!,
    }));
}

describe('national portal status mapping', () => {
  it('is the table docs/integrations.md shows', () => {
    expect(documented()).toEqual(
      PORTAL_STATUSES.map(({ state, code, wording }) => ({ state, code, wording })),
    );
  });

  it('names every state once, with distinct codes', () => {
    expect(PORTAL_STATUSES.map((status) => status.state).sort()).toEqual([...APPLICATION_STATES].sort());
    const codes = PORTAL_STATUSES.flatMap((status) => (status.code === null ? [] : [status.code]));
    expect(new Set(codes).size).toBe(codes.length);
  });
});
