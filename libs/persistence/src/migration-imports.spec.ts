import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const MIGRATIONS_DIR = resolve(__dirname, '../../../migrations');

/** What a migration may import: TypeORM, Node's built-ins and the files beside it. */
const allowed = (specifier: string) =>
  specifier === 'typeorm' || specifier.startsWith('node:') || specifier.startsWith('./');

const SPECIFIERS = [
  /\bfrom\s+'([^']+)'/g,
  /\bimport\s*\(\s*'([^']+)'\s*\)/g,
  /\brequire\s*\(\s*'([^']+)'\s*\)/g,
];

/** Every module a file names in an import, a dynamic import or a require. */
function importedModules(source: string): string[] {
  return SPECIFIERS.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]));
}

describe('migrations/', () => {
  // A migration replays history: code it imports from the libraries would change under it, and the
  // libraries read the migration list (docs/architecture.md, "Data").
  it('imports nothing but TypeORM, Node built-ins and its own files', () => {
    const files = readdirSync(MIGRATIONS_DIR).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'),
    );
    expect(files.length).toBeGreaterThan(30);
    const forbidden = files.flatMap((name) =>
      importedModules(readFileSync(join(MIGRATIONS_DIR, name), 'utf8'))
        .filter((specifier) => !allowed(specifier))
        .map((specifier) => `${name} imports ${specifier}`),
    );
    expect(forbidden).toEqual([]);
  });
});
