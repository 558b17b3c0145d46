// keeping up: webhook deliveries and the national portal's synchronisation during the submit load. The
// same load runs twice: once with both paused (their queues held, no subscription), once with two
// subscriptions to every event at a local receiver and the portal's stand-in answering. The second run's
// submit rate against the first, and how soon after the load the deliveries and the synchronisation have
// caught up, are the figures (docs/performance.md, "Keeping up").
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';

import { Queue } from 'bullmq';
import pg from 'pg';

import { bearer } from './accounts.mjs';
import { Backlog } from './submit.bench.mjs';
import { DIST, freePort, REDIS_URL, startProgram, waitForListening } from './stack.mjs';

const PAUSED_QUEUES = ['webhooks', 'national-sync'];
// Every event a subscription may ask for (docs/webhooks.md, "Events").
const EVERY_EVENT = [
  'file.submitted',
  'file.received',
  'file.refused',
  'file.supplement_requested',
  'file.supplemented',
  'file.extended',
  'file.decided',
  'file.returned',
  'file.withdrawn',
  'payment.paid',
  'feedback.answered',
];

/** The portal's stand-in on a port of its own; OneGate's worker is pointed at it through `env`. */
export async function startPortalStandIn(logDir) {
  const port = await freePort();
  const program = startProgram(join(DIST, 'apps/api/main.js'), {
    args: ['national-portal-stand-in'],
    env: { NATIONAL_PORTAL_STANDIN_PORT: String(port), NODE_ENV: 'test' },
    logFile: join(logDir, 'national-portal-stand-in.log'),
  });
  await waitForListening(port, program);
  return { program, env: { NATIONAL_PORTAL_URL: `http://127.0.0.1:${port}` } };
}

/**
 * A subscriber's endpoint: answers 204 to each request, and checks its signature as the Standard Webhooks
 * specification defines it, independently of OneGate's code (HMAC-SHA256 of `id.timestamp.body`).
 */
class Receiver {
  constructor() {
    this.secrets = [];
    this.ids = new Set();
    this.requests = 0;
    this.unverified = 0;
    this.server = createServer((request, response) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => {
        this.requests += 1;
        const id = request.headers['webhook-id'];
        const signed = `${id}.${request.headers['webhook-timestamp']}.${Buffer.concat(chunks)}`;
        const signatures = String(request.headers['webhook-signature'] ?? '').split(' ');
        const verified = this.secrets.some((secret) => {
          const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
          const expected = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
          return signatures.includes(expected);
        });
        if (verified) this.ids.add(id);
        else this.unverified += 1;
        response.writeHead(204).end();
      });
    });
  }

  async listen() {
    this.port = await freePort();
    await new Promise((done) => this.server.listen(this.port, '127.0.0.1', done));
    return `http://127.0.0.1:${this.port}`;
  }

  close() {
    return new Promise((done) => this.server.close(done));
  }
}

/** Deliveries not yet made and changes not yet accepted by the portal, with their jobs still in the outbox. */
class DeliveryBacklog extends Backlog {
  constructor(databaseUrl) {
    super();
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  }

  async parts() {
    const { rows } = await this.pool.query(
      `SELECT (SELECT count(*) FROM webhook_deliveries WHERE state = 'pending')::int AS webhooks,
              (SELECT count(*) FROM national_sync_entries WHERE state = 'pending')::int AS national,
              (SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL
                 AND job_name IN ('webhooks.fan-out', 'national-sync.record'))::int AS outbox`,
    );
    return rows[0];
  }

  async size() {
    const { webhooks, national, outbox } = await this.parts();
    return webhooks + national + outbox;
  }

  close() {
    return this.pool.end();
  }
}

async function subscribe(apiUrl, adminToken, url, ordered) {
  const response = await fetch(`${apiUrl}/api/admin/webhooks`, {
    method: 'POST',
    headers: { ...bearer(adminToken), 'content-type': 'application/json' },
    body: JSON.stringify({ url, events: EVERY_EVENT, ordered, description: 'bench: keeping up' }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`subscribing failed: ${response.status} ${body.message}`);
  return body;
}

/**
 * Runs `submitLoad(label)` twice, deliveries paused then running, and measures both. `submitLoad` gives
 * the load's result, with `acceptedPerSecond`.
 */
export async function benchKeepingUp({ apiUrl, adminToken, databaseUrl, prefix, submitLoad }) {
  const queues = PAUSED_QUEUES.map((name) => new Queue(name, { connection: { url: REDIS_URL }, prefix }));
  const backlog = new DeliveryBacklog(databaseUrl);
  const receiver = new Receiver();
  const subscriptions = [];
  try {
    await Promise.all(queues.map((queue) => queue.pause()));
    const paused = await submitLoad('onegate-deliveries-paused');
    await Promise.all(queues.map((queue) => queue.resume()));
    const caughtUpFromPause = await backlog.watch(async () => undefined, 600);

    const receiverUrl = await receiver.listen();
    subscriptions.push(
      await subscribe(apiUrl, adminToken, `${receiverUrl}/ordered`, true),
      await subscribe(apiUrl, adminToken, `${receiverUrl}/unordered`, false),
    );
    receiver.secrets = subscriptions.map((subscription) => subscription.secret);
    const delivering = await backlog.watch(() => submitLoad('onegate-delivering'), 600);
    const { rows } = await backlog.pool.query(
      `SELECT (SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered')::int AS delivered,
              (SELECT count(*) FROM national_sync_entries WHERE state = 'accepted')::int AS synchronised`,
    );
    const rate = (load) => load.acceptedPerSecond;
    return {
      paused: { acceptedPerSecond: rate(paused), caughtUpSeconds: caughtUpFromPause.backlog.drainSeconds },
      delivering: {
        acceptedPerSecond: rate(delivering.result),
        backlog: delivering.backlog,
        deliveriesMade: rows[0].delivered,
        changesSynchronised: rows[0].synchronised,
        receiverRequests: receiver.requests,
        verifiedEvents: receiver.ids.size,
        unverified: receiver.unverified,
      },
      submitRateRatio: rate(delivering.result) / rate(paused),
    };
  } finally {
    // A database kept for another run (--keep) keeps no subscription to a receiver that is gone.
    for (const { id } of subscriptions) {
      await fetch(`${apiUrl}/api/admin/webhooks/${id}`, { method: 'DELETE', headers: bearer(adminToken) });
    }
    await Promise.all(queues.map((queue) => queue.resume().then(() => queue.close())));
    await Promise.all([backlog.close(), receiver.close()]);
  }
}
