import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

const VIEWS = join(__dirname, '../../../../../views');
const CSRF_FIRST = /^\s*(\{\{> csrf\}\}|<input type="hidden" name="_csrf" value="[^"]*">)/;

const templates = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templates(join(folder, entry.name)) : [join(folder, entry.name)],
  );

/** The access guard reads a posted form's first field alone to check its CSRF token (docs/architecture.md). */
describe('the portal’s forms', () => {
  it('post the CSRF token as their first field', () => {
    const posts = templates(VIEWS).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<form [^>]*method="post"[^>]*>([\s\S]*?)<\/form>/g)].map(
        (form) => ({ file: relative(VIEWS, file), leadsWithToken: CSRF_FIRST.test(form[1]!) }),
      ),
    );
    expect(posts.length).toBeGreaterThan(10);
    expect(posts.filter((post) => !post.leadsWithToken)).toEqual([]);
  });
});
