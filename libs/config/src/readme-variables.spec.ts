import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ENVIRONMENT_VARIABLES } from './environment';

const README = resolve(__dirname, '../../../README.md');

describe('README configuration table', () => {
  it('names every variable that OneGate reads', () => {
    const documented = new Set(
      readFileSync(README, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z_]+)`/g)].map((match) => match[1])),
    );
    expect(ENVIRONMENT_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });
});
