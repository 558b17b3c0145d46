// submit: citizens create, document and submit applications as fast as the servers take them, with the
// load generated in a second process; meanwhile the servers' memory and the intake backlog are watched.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Queue } from 'bullmq';
import pg from 'pg';

import { peakRss, REDIS_URL, spawnScript } from './stack.mjs';

// Criminal record certificate: one required document, a short form.
export const SUBMIT_PROCEDURE = {
  procedureCode: '2.000488',
  documentName: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp',
  formData: {
    fullName: 'Nguyễn Văn A',
    nationalId: '022090001234',
    phone: '0912345678',
    purpose: 'Xin việc',
  },
};

export async function runSubmitLoad({ urls, pids, tokens, connections, durationSeconds, scratch, label }) {
  const configFile = join(scratch, `submit-${label}.json`);
  await writeFile(
    configFile,
    JSON.stringify({ urls, tokens, connections, durationSeconds, ...SUBMIT_PROCEDURE }),
  );
  const { result, peakMb } = await peakRss(pids, () => runChild(configFile));
  return { ...result, peakRssMb: peakMb };
}

function runChild(configFile) {
  return new Promise((done, fail) => {
    const child = spawnScript('bench/submit-load.mjs', [configFile]);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      if (code !== 0) return fail(new Error(`the submit load exited with ${code}`));
      done(JSON.parse(output.trim().split('\n').at(-1)));
    });
  });
}

/** Work left behind a load, sampled during it (does it keep up?) and until it is none (drain time). */
export class Backlog {
  /** Runs `work` while sampling the backlog; then waits for it to drain (up to `limitSeconds`). */
  async watch(work, limitSeconds = 300) {
    let peak = 0;
    const timer = setInterval(() => {
      this.size().then(
        (size) => (peak = Math.max(peak, size)),
        () => {},
      );
    }, 500);
    let result;
    try {
      result = await work();
    } finally {
      clearInterval(timer);
    }
    const atEnd = await this.size();
    const started = performance.now();
    let left = atEnd;
    while (left > 0 && performance.now() - started < limitSeconds * 1000) {
      await new Promise((wait) => setTimeout(wait, 100));
      left = await this.size();
    }
    return {
      result,
      backlog: {
        peak: Math.max(peak, atEnd),
        atEndOfLoad: atEnd,
        drainSeconds: left === 0 ? (performance.now() - started) / 1000 : null,
      },
    };
  }
}

/**
 * The intake backlog: submissions whose intake job is still in the outbox or waiting in the intake
 * queue.
 */
export class IntakeBacklog extends Backlog {
  constructor(databaseUrl, prefix) {
    super();
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    this.queue = new Queue('intake', { connection: { url: REDIS_URL }, prefix });
  }

  async size() {
    const [{ rows }, counts] = await Promise.all([
      this.pool.query(
        `SELECT count(*)::int AS pending FROM outbox_messages WHERE dispatched_at IS NULL AND job_name = 'intake.route'`,
      ),
      this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'paused'),
    ]);
    return rows[0].pending + Object.values(counts).reduce((sum, count) => sum + count, 0);
  }

  async close() {
    await Promise.all([this.pool.end(), this.queue.close()]);
  }
}
