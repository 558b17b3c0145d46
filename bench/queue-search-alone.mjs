#!/usr/bin/env node
// The queue search measurements of `npm run bench` alone, on a database already seeded (say, one kept
// by `node bench/run.mjs --keep` or `node bench/import.bench.mjs --keep`), with one API process:
//
//   node bench/queue-search-alone.mjs --database URL
//
// Prints its rows of the table; nothing is written to bench/results. Needs `npm run build`.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { setStaffPassword, signIn } from './accounts.mjs';
import { benchQueueSearch } from './queue-search.bench.mjs';
import { cleanUp, removeAtCleanup, removeQueueKeysAtCleanup, startOneGate } from './stack.mjs';
import { printTable } from './table.mjs';

const { values: args } = parseArgs({ options: { database: { type: 'string' } } });
const load = () => loadavg().map((value) => value.toFixed(2));

async function main() {
  if (!args.database) throw new Error('--database URL is required: a seeded database');
  const scratch = await mkdtemp(join(tmpdir(), 'onegate-bench-search-'));
  removeAtCleanup(scratch);
  const prefix = `{bench-${randomBytes(4).toString('hex')}}`;
  removeQueueKeysAtCleanup(prefix);
  await setStaffPassword(args.database);
  const run = {
    machine: { cpus: cpus().length },
    options: { api: 1, workers: 0, connections: 1 },
    load: { atStart: load() },
  };
  const onegate = await startOneGate({
    databaseUrl: args.database,
    apis: 1,
    workers: 0,
    prefix,
    jwtSecret: randomBytes(32).toString('hex'),
    storageDir: join(scratch, 'files'),
    logDir: scratch,
  });
  try {
    const apiUrl = onegate.apis[0].url;
    const clerkToken = await signIn(apiUrl, 'clerk@demo.onegate.vn');
    run.queueSearch = await benchQueueSearch({
      apiUrl,
      clerkToken,
      databaseUrl: args.database,
      agencyCode: 'QN-HL',
    });
  } finally {
    run.load.atEnd = load();
    await onegate.stop();
  }
  printTable(run);
}

try {
  await main();
} catch (error) {
  console.error(error.stack ?? error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
