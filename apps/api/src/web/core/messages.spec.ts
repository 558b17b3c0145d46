import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { catalogueKeys, lookup, translate } from './messages';
import { WEB_PATHS } from './web-paths';

function templates(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? templates(path) : path.endsWith('.hbs') ? [path] : [];
  });
}

describe('message catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(catalogueKeys('en')).toEqual(catalogueKeys('vi'));
  });

  it('have every key the templates name literally', () => {
    const used = new Set<string>();
    for (const file of templates(WEB_PATHS.views)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\{\{t "([^"]+)"/g)) used.add(match[1]);
      for (const match of text.matchAll(/(?:labelKey|hintKey|caption)="([^"]+)"/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => lookup('vi', key) === undefined);
    expect(missing).toEqual([]);
  });

  it('fill in placeholders, and show an unknown key as itself', () => {
    expect(translate('vi', 'procedure.workingDays', { days: 3 })).toBe('3 ngày làm việc');
    expect(translate('en', 'procedure.workingDays', { days: 3 })).toBe('3 working days');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
