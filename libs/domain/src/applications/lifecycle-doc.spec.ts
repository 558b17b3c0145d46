import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ACTIONS, TRANSITIONS } from './lifecycle';

const DOC = resolve(__dirname, '../../../../docs/lifecycle.md');

/** The rows between the table markers of docs/lifecycle.md, as cells without their backticks. */
function documentedRows(): string[][] {
  const text = readFileSync(DOC, 'utf8');
  const table = text.split('<!-- lifecycle-table:start -->')[1].split('<!-- lifecycle-table:end -->')[0];
  return table
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.replaceAll('`', '').trim()),
    );
}

function cellOf(values: readonly string[], empty: string): string {
  return values.length === 0 ? empty : values.join(', ');
}

describe('docs/lifecycle.md', () => {
  it('states the transition table as the code has it, row by row', () => {
    const fromCode = ACTIONS.map((action) => {
      const { from, to, actors } = TRANSITIONS[action];
      return [action, cellOf(from, '(a new file)'), to === 'same' ? 'unchanged' : to, actors.join(', ')];
    });
    expect(documentedRows()).toEqual(fromCode);
  });
});
