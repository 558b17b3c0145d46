// seed: N generated applications through the historical import (bench/import.bench.mjs, run as a
// child process), which keeps its scratch database for the other benchmarks.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ROOT, spawnScript } from './stack.mjs';

export async function seed({ size, scratch }) {
  const jsonFile = join(scratch, 'import.json');
  const script = await readFile(join(ROOT, 'bench/import.bench.mjs'), 'utf8');
  // Report timings are this suite's own; the import script's are skipped when it can.
  const extra = script.includes('no-reports') ? ['--no-reports'] : [];
  const lines = await new Promise((done, fail) => {
    const child = spawnScript('bench/import.bench.mjs', [
      '--size',
      String(size),
      '--json',
      jsonFile,
      '--keep',
      ...extra,
    ]);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(`  import | ${chunk.toString().trimEnd().replaceAll('\n', '\n  import | ')}\n`);
    });
    child.once('exit', (code) =>
      code === 0 ? done(output.trim().split('\n')) : fail(new Error(`the import exited with ${code}`)),
    );
  });
  const databaseUrl = /^DATABASE_URL=(.+)$/.exec(lines.at(-1))?.[1];
  if (!databaseUrl) throw new Error('the import did not keep its database (no DATABASE_URL line)');
  const result = JSON.parse(await readFile(jsonFile, 'utf8'));
  return {
    databaseUrl,
    applicationsPerSecond: result.applicationsPerSecond,
    seconds: result.seconds,
    otherRequests: result.otherRequests,
  };
}
