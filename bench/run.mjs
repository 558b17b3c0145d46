#!/usr/bin/env node
// npm run bench: OneGate at national scale on PostgreSQL and Redis, each figure beside its baseline.
//
//   node bench/run.mjs [--size N] [--duration S] [--api N] [--workers M] [--connections C]
//                      [--database URL] [--keep]
//
// --size N         applications imported as the seed (default 1,000,000)
// --duration S     seconds of submit load, for OneGate and for the bare baseline each (default 30)
// --api N          OneGate API processes (distinct ports; the load is spread evenly) (default 1)
// --workers M      worker processes (default 1)
// --connections C  concurrent load connections in all (default 16)
// --database URL   use an already seeded database (say, one kept by --keep) instead of importing
// --keep           keep the scratch database and print its URL, to rerun with other --api/--workers
//
// Prints a table and adds the run to bench/results/<YYYY-MM-DD>.json. Needs `npm run build`.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { registerCitizens, setStaffPassword, signIn } from './accounts.mjs';
import { storeFloor } from './baselines/store-floor.mjs';
import { benchQueuePage } from './queue-page.bench.mjs';
import { benchQueueSearch } from './queue-search.bench.mjs';
import { benchReportFiles } from './report-files.bench.mjs';
import { benchReports } from './report.bench.mjs';
import { benchServiceIndex } from './service-index.bench.mjs';
import { seed } from './seed.bench.mjs';
import {
  atCleanup,
  cleanUp,
  dropDatabaseAtCleanup,
  freePort,
  removeAtCleanup,
  removeQueueKeysAtCleanup,
  ROOT,
  startOneGate,
  startProgram,
  tail,
  waitForReady,
  withClient,
} from './stack.mjs';
import { benchKeepingUp, startPortalStandIn } from './keeping-up.bench.mjs';
import { IntakeBacklog, runSubmitLoad } from './submit.bench.mjs';
import { benchWorkload } from './workload.bench.mjs';
import { printTable } from './table.mjs';
import { deadlineScans } from './worker-metrics.mjs';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '30' },
    api: { type: 'string', default: '1' },
    workers: { type: 'string', default: '1' },
    connections: { type: 'string', default: '16' },
    citizens: { type: 'string', default: '100' },
    database: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const options = Object.fromEntries(
  ['size', 'duration', 'api', 'workers', 'connections', 'citizens'].map((name) => {
    const value = Number(args[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0`);
    return [name, value];
  }),
);

const CLERK_AGENCY = 'QN-HL';
const PROVINCE = 'QN';
const REPORT_YEAR = 2025;
/** Applications (with their events) in the import's floor measurement. */
const FLOOR_APPLICATIONS = 200_000;

const load = () => loadavg().map((value) => value.toFixed(2));

async function main() {
  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  const run = { startedAt: new Date().toISOString(), machine, options, load: { atStart: load() } };
  console.log(
    `OneGate bench: ${machine.cpus} CPUs (${machine.model}), load average ${run.load.atStart.join(' ')}; ` +
      `${options.api} API and ${options.workers} worker process(es)`,
  );
  const scratch = await mkdtemp(join(tmpdir(), 'onegate-bench-run-'));
  removeAtCleanup(scratch);
  const storageDir = join(scratch, 'files');

  let databaseUrl = args.database;
  if (!databaseUrl) {
    console.log(`seed: importing ${options.size.toLocaleString('en')} applications`);
    const seeded = await seed({ size: options.size, scratch });
    databaseUrl = seeded.databaseUrl;
    run.seed = { applications: options.size, ...seeded };
    if (args.keep) atCleanup(() => console.log(`kept the seeded database: --database ${databaseUrl}`));
    else dropDatabaseAtCleanup(databaseUrl);
  }
  run.database = await withClient(databaseUrl, async (client) => {
    // A database at rest, as a running one is: the seed's dead rows (report upserts) vacuumed and the
    // visibility map set, rather than autovacuum starting in the middle of a measurement.
    await client.query('VACUUM (ANALYZE)');
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM applications)::int AS applications,
              (SELECT count(*) FROM application_events)::int AS events, version() AS version`,
    );
    return rows[0];
  });
  console.log(`database: ${run.database.applications} applications, ${run.database.events} events`);
  const floorSize = Math.min(FLOOR_APPLICATIONS, run.database.applications);
  console.log(
    `import floor: PostgreSQL storing ${floorSize.toLocaleString('en')} of those applications alone`,
  );
  run.storeFloor = await storeFloor(databaseUrl, { applications: floorSize });
  // The floor's writes reach the data files now, not in a checkpoint during the measurements below.
  await withClient(databaseUrl, (client) => client.query('CHECKPOINT'));

  const prefix = `{bench-${randomBytes(4).toString('hex')}}`;
  removeQueueKeysAtCleanup(prefix);
  const jwtSecret = randomBytes(32).toString('hex');
  await setStaffPassword(databaseUrl);
  // As a deployment runs: the national portal answering (its stand-in), and webhooks allowed to this machine.
  const portal = await startPortalStandIn(scratch);
  const onegate = await startOneGate({
    env: { ...portal.env, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
    databaseUrl,
    apis: options.api,
    workers: options.workers,
    prefix,
    jwtSecret,
    storageDir,
    logDir: scratch,
  });
  const apiUrl = onegate.apis[0].url;
  try {
    const clerkToken = await signIn(apiUrl, 'clerk@demo.onegate.vn');
    const supervisorToken = await signIn(apiUrl, 'supervisor@demo.onegate.vn');
    const adminToken = await signIn(apiUrl, 'admin@demo.onegate.vn');
    const tokens = await registerCitizens(apiUrl, options.citizens, { databaseUrl });

    console.log('queue page: the clerk’s queue, first page and deep cursor page');
    run.queuePage = await benchQueuePage({ apiUrl, clerkToken, databaseUrl, agencyCode: CLERK_AGENCY });
    console.log('queue search: by receipt code, applicant name and national ID number; filtered pages');
    run.queueSearch = await benchQueueSearch({
      apiUrl,
      clerkToken,
      databaseUrl,
      agencyCode: CLERK_AGENCY,
    });
    console.log('report: the summary of a year, one agency and the whole province, and the naive query');
    run.report = await benchReports({
      apiUrl,
      token: supervisorToken,
      databaseUrl,
      year: REPORT_YEAR,
      agencyCode: CLERK_AGENCY,
      provinceCode: PROVINCE,
    });
    console.log("service-index: the province's Decision 766 index for a year, and its ranking");
    run.serviceIndex = await benchServiceIndex({
      apiUrl,
      token: supervisorToken,
      year: REPORT_YEAR,
      provinceCode: PROVINCE,
    });
    console.log("report files: the files of a year's figure, first page and a deep page");
    run.reportFiles = await benchReportFiles({
      apiUrl,
      token: supervisorToken,
      year: REPORT_YEAR,
      agencyCode: CLERK_AGENCY,
      provinceCode: PROVINCE,
    });
    console.log('workload: the open files now, clerk agency and province; the stalled files of the province');
    run.workload = await benchWorkload({
      apiUrl,
      token: supervisorToken,
      databaseUrl,
      agencyCode: CLERK_AGENCY,
      provinceCode: PROVINCE,
    });

    const backlog = new IntakeBacklog(databaseUrl, prefix);
    atCleanup(() => backlog.close());
    const loadOnly = (label, servers) =>
      runSubmitLoad({
        urls: servers.map((server) => server.url),
        pids: servers.map((server) => server.pid),
        tokens,
        connections: options.connections,
        durationSeconds: options.duration,
        scratch,
        label,
      });
    const submitLoad = (label, servers) => backlog.watch(() => loadOnly(label, servers));

    console.log(`submit, bare baseline: ${options.duration} s on ${options.api} process(es)`);
    const bare = [];
    for (let index = 0; index < options.api; index += 1) {
      const port = await freePort();
      const server = startProgram('bench/baselines/bare-submit-server.mjs', {
        env: {
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          JWT_SECRET: jwtSecret,
          STORAGE_DIR: storageDir,
        },
        logFile: join(scratch, `bare-${index + 1}.log`),
      });
      bare.push({ ...server, url: `http://127.0.0.1:${port}` });
      await waitForReady(`http://127.0.0.1:${port}/health`, server);
    }
    const bareRun = await submitLoad('bare', bare);
    run.submitBare = { ...bareRun.result, backlog: bareRun.backlog };
    await Promise.all(bare.map((server) => server.stop()));

    console.log(`submit, OneGate: ${options.duration} s on ${options.api} API process(es)`);
    const apiRun = await submitLoad('onegate', onegate.apis);
    run.submit = { ...apiRun.result, backlog: apiRun.backlog };
    run.deadlineScan = await deadlineScans(onegate.workers);

    console.log(
      'keeping up: the same load with webhooks and the national synchronisation paused, then running',
    );
    run.keepingUp = await benchKeepingUp({
      apiUrl,
      adminToken,
      databaseUrl,
      prefix,
      submitLoad: (label) => loadOnly(label, onegate.apis),
    });
  } catch (error) {
    for (const program of [...onegate.apis, ...onegate.workers]) {
      console.error(`--- ${program.logFile}\n${await tail(program.logFile)}`);
    }
    throw error;
  } finally {
    run.load.atEnd = load();
    await onegate.stop();
    await portal.program.stop();
  }

  printTable(run);
  await saveRun(run);
}

async function saveRun(run) {
  const directory = join(ROOT, 'bench/results');
  await mkdir(directory, { recursive: true });
  const file = join(directory, `${run.startedAt.slice(0, 10)}.json`);
  const previous = await readFile(file, 'utf8').then(JSON.parse, () => ({ runs: [] }));
  previous.runs.push(run);
  // Formatted as the repository's formatter would, so the file passes `npm run lint`.
  const prettier = await import('prettier').catch(() => null);
  const text = JSON.stringify(previous, null, 2);
  await writeFile(file, prettier ? await prettier.format(text, { parser: 'json' }) : `${text}\n`);
  console.log(`written to bench/results/${run.startedAt.slice(0, 10)}.json`);
}

try {
  await main();
} catch (error) {
  console.error(error.stack ?? error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
