#!/usr/bin/env node
// The floor for submit: the same three requests (create a draft, upload the document, submit) and the
// same rows (application, attachment and stored file, event, outbox message), with node:http and `pg`
// only: no framework, no ORM, no validation library, no logging.
//
//   PORT=… DATABASE_URL=… JWT_SECRET=… STORAGE_DIR=… node bench/baselines/bare-submit-server.mjs
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';

import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = process.env.JWT_SECRET;
const storageDir = process.env.STORAGE_DIR;

const procedures = new Map(
  (await pool.query('SELECT id, code, agency_id, fee_vnd FROM procedures WHERE retired_at IS NULL')).rows.map(
    (row) => [row.code, row],
  ),
);

function citizenOf(request) {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const [header, payload, signature] = token?.split('.') ?? [];
  if (!signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return claims.exp * 1000 > Date.now() ? claims.sub : null;
}

async function bodyOf(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function answer(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function createDraft(citizenId, body) {
  const { procedureCode, formData } = JSON.parse(body.toString());
  const procedure = procedures.get(procedureCode);
  if (!procedure) return [422, { message: 'procedureCode' }];
  const { rows } = await pool.query('SELECT national_id, full_name, email FROM users WHERE id = $1', [
    citizenId,
  ]);
  const now = Date.now();
  const id = randomUUID();
  await pool.query(
    `INSERT INTO applications (id, code, procedure_id, competent_agency_id, receiving_agency_id, applicant_id,
       applicant_national_id, applicant_name, applicant_email, state, form_data, submission_channel, fee_vnd,
       paid, signed, paused_ms, version, created_at, updated_at)
     VALUES ($1, NULL, $2, $3, NULL, $4, $5, $6, $7, 'draft', $8, 'online', $9, false, false, 0, 1, $10, $10)`,
    [
      id,
      procedure.id,
      procedure.agency_id,
      citizenId,
      rows[0].national_id,
      rows[0].full_name,
      rows[0].email,
      JSON.stringify(formData ?? {}),
      procedure.fee_vnd,
      now,
    ],
  );
  return [201, { id, state: 'draft', version: 1 }];
}

/** The file part of a multipart body with one `documentName` field and one `file` part. */
function partsOf(request, body) {
  const boundary = /boundary=(.+)$/.exec(request.headers['content-type'] ?? '')?.[1];
  const parts = {};
  for (const part of body.toString('latin1').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const name = /name="([^"]+)"/.exec(part.slice(0, split))?.[1];
    if (name) parts[name] = Buffer.from(part.slice(split + 4, part.length - 2), 'latin1');
  }
  return parts;
}

async function upload(citizenId, applicationId, request, body) {
  const parts = partsOf(request, body);
  if (!parts.file?.subarray(0, 5).equals(Buffer.from('%PDF-'))) return [422, { message: 'file' }];
  const storageKey = randomUUID();
  const directory = join(storageDir, storageKey.slice(0, 2), storageKey.slice(2, 4));
  await mkdir(directory, { recursive: true });
  // As durable as OneGate's store: the file, then its directory, on disk before the row.
  const file = await open(join(directory, `.${storageKey}.part`), 'wx');
  await file.writeFile(parts.file);
  await file.sync();
  await file.close();
  await rename(join(directory, `.${storageKey}.part`), join(directory, storageKey));
  const directoryHandle = await open(directory, 'r');
  await directoryHandle.sync();
  await directoryHandle.close();
  const id = randomUUID();
  const inserted = await pool.query(
    `INSERT INTO attachments (id, application_id, document_name, original_name, media_type, size_bytes, sha256,
       storage_key, uploaded_by, uploaded_at)
     SELECT $1::varchar, id, $3::varchar, 'document.pdf', 'application/pdf', $4::int, $5::varchar, $6::varchar,
       $7::varchar, $8::bigint
     FROM applications WHERE id = $2 AND applicant_id = $7::varchar AND state = 'draft'`,
    [
      id,
      applicationId,
      parts.documentName?.toString('utf8') ?? null,
      parts.file.length,
      createHash('sha256').update(parts.file).digest('hex'),
      storageKey,
      citizenId,
      Date.now(),
    ],
  );
  return inserted.rowCount === 1 ? [201, { id }] : [404, { message: 'No such application' }];
}

async function submit(citizenId, applicationId) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const now = Date.now();
    const updated = await client.query(
      `UPDATE applications SET state = 'submitted', submitted_at = $3, version = version + 1, updated_at = $3
       WHERE id = $1 AND applicant_id = $2 AND state = 'draft' RETURNING version`,
      [applicationId, citizenId, now],
    );
    if (updated.rowCount !== 1) {
      await client.query('ROLLBACK');
      return [409, { message: 'not a draft' }];
    }
    await client.query(
      `INSERT INTO application_events (id, application_id, sequence, type, at, actor_id, actor_role, channel,
         from_state, to_state, note, data)
       VALUES ($1, $2, 1, 'submit', $3, $4, 'citizen', 'online', 'draft', 'submitted', NULL, '{}')`,
      [randomUUID(), applicationId, now, citizenId],
    );
    await client.query(
      `INSERT INTO outbox_messages (id, job_name, job_id, payload, run_at, created_at, dispatched_at)
       VALUES ($1, 'intake.route', $2, $3, NULL, $4, NULL)`,
      // The API's job id form (application:action:version), which BullMQ accepts.
      [randomUUID(), `${applicationId}:submit:2`, JSON.stringify({ applicationId }), now],
    );
    await client.query('COMMIT');
    return [200, { id: applicationId, state: 'submitted', version: updated.rows[0].version }];
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const server = createServer(async (request, response) => {
  try {
    if (request.url === '/health') return answer(response, 200, { status: 'ok' });
    const citizenId = citizenOf(request);
    if (!citizenId) return answer(response, 401, { message: 'Unauthorized' });
    const body = await bodyOf(request);
    const [, id, tail] =
      /^\/api\/applications(?:\/([0-9a-f-]{36})\/(attachments|actions))?$/.exec(request.url) ?? [];
    const [status, result] =
      request.method !== 'POST' || (id === undefined && request.url !== '/api/applications')
        ? [404, { message: 'Not found' }]
        : !id
          ? await createDraft(citizenId, body)
          : tail === 'attachments'
            ? await upload(citizenId, id, request, body)
            : await submit(citizenId, id);
    answer(response, status, result);
  } catch (error) {
    answer(response, 500, { message: error.message });
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1');
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => server.close(() => void pool.end()));
}
