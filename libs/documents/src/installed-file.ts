import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds a file shipped inside an installed npm package, looking in the node_modules of this code's
 * folder and of each folder above it (as Node's resolution does). Bundlers rewrite require.resolve,
 * so the lookup is done on the file system, which reads the same from the sources and from dist/.
 */
export function installedPackageFile(packageName: string, file: string): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let folder = start; ; folder = dirname(folder)) {
      const candidate = join(folder, 'node_modules', packageName, file);
      if (existsSync(candidate)) return candidate;
      if (dirname(folder) === folder) break;
    }
  }
  throw new Error(`${packageName}/${file} is not installed: run npm ci`);
}
