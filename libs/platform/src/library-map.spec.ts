import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const FEATURES = [
  'applications',
  'auth',
  'documents',
  'national-sync',
  'notifications',
  'payments',
  'reporting',
  'webhooks',
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The other libs a lib's code imports (tests aside), by alias. */
function importsOf(lib: string): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'libs', lib, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/from '@onegate\/([a-z-]+)'/g)) {
      if (match[1] !== lib) found.add(match[1]);
    }
  }
  return [...found].sort();
}

/** The table between the library-map markers of docs/architecture.md. */
function documentedMap(): Map<string, string[]> {
  const text = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
  const table = text.split('<!-- library-map:start -->')[1]?.split('<!-- library-map:end -->')[0] ?? '';
  const rows = table
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => cells.length === 4 && /^[a-z]+(-[a-z]+)*$/.test(cells[1]) && cells[1] !== 'lib');
  return new Map(
    rows.map(([, lib, imports]) => [lib, imports === '(none)' ? [] : imports.split(', ').sort()]),
  );
}

describe('library map', () => {
  const libs = readdirSync(join(ROOT, 'libs')).sort();

  it('is the one docs/architecture.md draws', () => {
    const documented = documentedMap();
    expect([...documented.keys()].sort()).toEqual(libs);
    for (const lib of libs)
      expect({ lib, imports: importsOf(lib) }).toEqual({ lib, imports: documented.get(lib) });
  });

  it('keeps infrastructure from depending on a feature', () => {
    for (const lib of libs.filter((name) => !FEATURES.includes(name))) {
      expect({ lib, features: importsOf(lib).filter((name) => FEATURES.includes(name)) }).toEqual({
        lib,
        features: [],
      });
    }
    expect(importsOf('documents')).not.toContain('applications');
    expect(importsOf('notifications')).not.toContain('applications');
  });
});
