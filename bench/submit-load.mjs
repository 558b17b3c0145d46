#!/usr/bin/env node
// The submit load, run in its own process: each connection loops create draft → upload the required
// document → submit, as a different citizen each time, spread over the given servers.
//
//   node bench/submit-load.mjs CONFIG.json   (prints one JSON line of results)
import { readFile } from 'node:fs/promises';

import autocannon from 'autocannon';

import { latencyOf } from './timing.mjs';
import { UPLOAD_BOUNDARY, uploadBody } from './upload-body.mjs';

const config = JSON.parse(await readFile(process.argv[2], 'utf8'));
const { urls, tokens, connections, durationSeconds, procedureCode, documentName, formData } = config;

const uploaded = uploadBody(documentName);
const draftBody = JSON.stringify({ procedureCode, formData });
const submitBody = JSON.stringify({ action: 'submit' });

const steps = { create: [], upload: [], submit: [] };
const statuses = {};
let nextCitizen = 0;
let accepted = 0;

function timed(step, build) {
  return (request, context) => {
    const built = build(request, context);
    if (built) context.sentAt = performance.now();
    return built;
  };
}

function record(step, expected, onSuccess) {
  return (status, body, context) => {
    steps[step].push(performance.now() - context.sentAt);
    statuses[`${step} ${status}`] = (statuses[`${step} ${status}`] ?? 0) + 1;
    if (status === expected) onSuccess?.(body, context);
    else context.id = null;
  };
}

const requests = [
  {
    method: 'POST',
    path: '/api/applications',
    setupRequest: timed('create', (request, context) => {
      context.token = tokens[nextCitizen++ % tokens.length];
      return {
        ...request,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${context.token}` },
        body: draftBody,
      };
    }),
    onResponse: record('create', 201, (body, context) => {
      context.id = JSON.parse(body).id;
    }),
  },
  {
    method: 'POST',
    setupRequest: timed('upload', (request, context) =>
      context.id
        ? {
            ...request,
            path: `/api/applications/${context.id}/attachments`,
            headers: {
              'content-type': `multipart/form-data; boundary=${UPLOAD_BOUNDARY}`,
              authorization: `Bearer ${context.token}`,
            },
            body: uploaded,
          }
        : null,
    ),
    onResponse: record('upload', 201),
  },
  {
    method: 'POST',
    setupRequest: timed('submit', (request, context) =>
      context.id
        ? {
            ...request,
            path: `/api/applications/${context.id}/actions`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${context.token}` },
            body: submitBody,
          }
        : null,
    ),
    onResponse: record('submit', 200, () => {
      accepted += 1;
    }),
  },
];

const perServer = Math.max(1, Math.round(connections / urls.length));
const started = performance.now();
const runs = await Promise.all(
  urls.map((url) =>
    autocannon({ url, connections: perServer, duration: durationSeconds, requests, timeout: 30 }),
  ),
);
const seconds = (performance.now() - started) / 1000;
const all = [...steps.create, ...steps.upload, ...steps.submit];
console.log(
  JSON.stringify({
    seconds,
    connections: perServer * urls.length,
    accepted,
    acceptedPerSecond: accepted / seconds,
    requestsPerSecond: all.length / seconds,
    latency: latencyOf(all),
    submitLatency: latencyOf(steps.submit),
    createLatency: latencyOf(steps.create),
    uploadLatency: latencyOf(steps.upload),
    statuses,
    errors: runs.reduce((sum, run) => sum + run.errors + run.timeouts, 0),
  }),
);
