#!/usr/bin/env node
// CPU time each request of the submit journey costs the server, one request at a time (no contention):
// create draft, upload the document, submit, and two floors (an anonymous health check and a signed-in
// `GET /api/me`), for OneGate's API and for the bare baseline server; then, on OneGate alone, a clerk's
// paper files of a procedure with steps: registration (a row is two registrations), moving a file to its next
// step (`forward`) beside an action of today (`request_supplement`). Where the submit rate is bound by
// the API's CPU, this says which request to make cheaper.
//
//   npm run build && node bench/request-cost.mjs [--iterations 300]
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { registerCitizens, setStaffPassword, signIn } from './accounts.mjs';
import { COUNTER_PROCEDURE, counterForm } from './queue-search.bench.mjs';
import { seed } from './seed.bench.mjs';
import {
  atCleanup,
  cleanUp,
  dropDatabaseAtCleanup,
  freePort,
  removeAtCleanup,
  removeQueueKeysAtCleanup,
  startOneGate,
  startProgram,
  waitForReady,
} from './stack.mjs';
import { SUBMIT_PROCEDURE } from './submit.bench.mjs';
import { UPLOAD_BOUNDARY, uploadBody } from './upload-body.mjs';

const { values: args } = parseArgs({
  options: { iterations: { type: 'string', default: '300' } },
});
const ITERATIONS = Number(args.iterations);
const CLOCK_TICKS_PER_SECOND = 100;

const uploaded = uploadBody(SUBMIT_PROCEDURE.documentName);

/** User plus system CPU time of a process so far, in milliseconds (from /proc; Linux only). */
async function cpuMs(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

async function expectStatus(response, status, step) {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${step} answered ${response.status}: ${text}`);
  return text;
}

/** The journey's requests against one server, each step timed over ITERATIONS sequential requests. */
async function measure(url, pid, tokens, { healthPath, without = [], clerkToken }) {
  const json = (token) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const ids = [];
  // Paper files of a procedure with steps (docs/applications.md, "Process"), each at its first step: half
  // are moved to the next step (`forward`), half asked for a supplement, an action of today.
  const counterIds = [];
  const clerkAction = (id, body, name) =>
    fetch(`${url}/api/applications/${id}/actions`, {
      method: 'POST',
      headers: json(clerkToken),
      body: JSON.stringify(body),
    }).then((r) => expectStatus(r, 200, name));
  const steps = {
    health: () => fetch(`${url}${healthPath}`).then((r) => expectStatus(r, 200, 'health')),
    me: (i) =>
      fetch(`${url}/api/me`, { headers: json(tokens[i % tokens.length]) }).then((r) =>
        expectStatus(r, 200, 'me'),
      ),
    create: async (i) => {
      const response = await fetch(`${url}/api/applications`, {
        method: 'POST',
        headers: json(tokens[i % tokens.length]),
        body: JSON.stringify({
          procedureCode: SUBMIT_PROCEDURE.procedureCode,
          formData: SUBMIT_PROCEDURE.formData,
        }),
      });
      ids[i] = JSON.parse(await expectStatus(response, 201, 'create')).id;
    },
    upload: (i) =>
      fetch(`${url}/api/applications/${ids[i]}/attachments`, {
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${UPLOAD_BOUNDARY}`,
          authorization: `Bearer ${tokens[i % tokens.length]}`,
        },
        body: uploaded,
      }).then((r) => expectStatus(r, 201, 'upload')),
    submit: (i) =>
      fetch(`${url}/api/applications/${ids[i]}/actions`, {
        method: 'POST',
        headers: json(tokens[i % tokens.length]),
        body: JSON.stringify({ action: 'submit' }),
      }).then((r) => expectStatus(r, 200, 'submit')),
    counter: async (i) => {
      for (const half of [0, 1]) {
        const nationalId = `0220950${String(2 * i + half).padStart(5, '0')}`;
        const response = await fetch(`${url}/api/applications/counter`, {
          method: 'POST',
          headers: json(clerkToken),
          body: JSON.stringify({
            procedureCode: COUNTER_PROCEDURE,
            applicant: { nationalId, fullName: 'Công Dân Thử Tải' },
            formData: counterForm('Công Dân Thử Tải', nationalId),
          }),
        });
        counterIds[2 * i + half] = JSON.parse(await expectStatus(response, 201, 'counter')).id;
      }
    },
    forward: (i) => clerkAction(counterIds[2 * i], { action: 'forward' }, 'forward'),
    request_supplement: (i) =>
      clerkAction(
        counterIds[2 * i + 1],
        { action: 'request_supplement', reason: 'Ảnh chụp không rõ', missingDocuments: ['Bản sao CCCD'] },
        'request_supplement',
      ),
  };
  const costs = {};
  for (const [name, step] of Object.entries(steps)) {
    if (without.includes(name)) continue;
    // A pause between steps tells them apart in a CPU profile (BENCH_API_NODE_ARGS=--cpu-prof …).
    await setTimeout(1000);
    for (let i = 0; i < 20; i += 1) await step(ITERATIONS + i).catch(() => {}); // warm-up
    const cpuBefore = await cpuMs(pid);
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i += 1) await step(i);
    const wall = performance.now() - started;
    costs[name] = {
      cpuMs: ((await cpuMs(pid)) - cpuBefore) / ITERATIONS,
      wallMs: wall / ITERATIONS,
    };
  }
  return costs;
}

async function main() {
  const scratch = await mkdtemp(join(tmpdir(), 'onegate-request-cost-'));
  removeAtCleanup(scratch);
  const { databaseUrl } = await seed({ size: 1000, scratch });
  dropDatabaseAtCleanup(databaseUrl);
  const prefix = `{bench-${randomBytes(4).toString('hex')}}`;
  removeQueueKeysAtCleanup(prefix);
  const jwtSecret = randomBytes(32).toString('hex');
  const storageDir = join(scratch, 'files');
  const onegate = await startOneGate({
    databaseUrl,
    apis: 1,
    workers: 1,
    prefix,
    jwtSecret,
    storageDir,
    logDir: scratch,
  });
  atCleanup(() => onegate.stop());
  const [api] = onegate.apis;
  const tokens = await registerCitizens(api.url, 20, { databaseUrl });
  await setStaffPassword(databaseUrl);
  const clerkToken = await signIn(api.url, 'clerk@demo.onegate.vn');

  const port = await freePort();
  const bare = startProgram('bench/baselines/bare-submit-server.mjs', {
    env: { PORT: String(port), DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret, STORAGE_DIR: storageDir },
    logFile: join(scratch, 'bare.log'),
  });
  await waitForReady(`http://127.0.0.1:${port}/health`, bare);

  const results = {
    onegate: await measure(api.url, api.pid, tokens, { healthPath: '/health/live', clerkToken }),
    bare: await measure(`http://127.0.0.1:${port}`, bare.pid, tokens, {
      healthPath: '/health',
      without: ['me', 'counter', 'forward', 'request_supplement'],
    }),
  };
  console.log(`CPU per request (ms), ${ITERATIONS} sequential requests per step`);
  console.log(`${'step'.padEnd(18)} OneGate cpu / wall    bare cpu / wall`);
  for (const step of Object.keys(results.onegate)) {
    const own = results.onegate[step];
    const base = results.bare[step];
    const cell = (cost) => (cost ? `${cost.cpuMs.toFixed(2)} / ${cost.wallMs.toFixed(2)}` : '–');
    console.log(`${step.padEnd(18)} ${cell(own).padEnd(21)} ${cell(base)}`);
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
