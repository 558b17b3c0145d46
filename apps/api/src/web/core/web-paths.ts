import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: where `views/`, `locales/`, `public/` and `node_modules/` are, both when the
 * API runs from its sources (tests) and from its bundle in `dist/`.
 */
function findRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let directory = start;
    for (;;) {
      if (existsSync(join(directory, 'views', 'layouts')) && existsSync(join(directory, 'locales'))) {
        return directory;
      }
      const parent = dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
  }
  throw new Error('Cannot find the views/ and locales/ folders of the web portal');
}

const root = findRoot();

export const WEB_PATHS = {
  root,
  views: join(root, 'views'),
  layouts: join(root, 'views', 'layouts'),
  partials: join(root, 'views', 'partials'),
  locales: join(root, 'locales'),
  public: join(root, 'public'),
  govukFrontend: join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk'),
  chartJs: join(root, 'node_modules', 'chart.js', 'dist'),
  pdfJs: join(root, 'node_modules', 'pdfjs-dist'),
} as const;
