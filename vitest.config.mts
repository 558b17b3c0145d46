import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

/** The `@onegate/*` path aliases, written once in tsconfig.json: the type checker, the build and the tests read them there. */
const tsconfig = JSON.parse(readFileSync(resolve(import.meta.dirname, 'tsconfig.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const aliases = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
    alias,
    resolve(import.meta.dirname, target),
  ]),
);

const shared = {
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: { alias: aliases },
};

/** Redis address that tests use as "unreachable on purpose" (see test/outbox.e2e-spec.ts). */
const UNREACHABLE_REDIS = '127.0.0.1:1';

/**
 * A BullMQ queue closed before it ever reached Redis can report its abandoned connection attempt after
 * it has closed, as an unhandled rejection. Only that, for the deliberately unreachable address, is
 * not a failure; every other unhandled error still is.
 */
function isAbandonedUnreachableRedis(error: { message?: unknown }): boolean {
  return String(error.message).includes(`ECONNREFUSED ${UNREACHABLE_REDIS}`);
}

export default defineConfig({
  test: {
    onUnhandledError: (error) => !isAbandonedUnreachableRedis(error),
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'migrations/**/*.spec.ts'],
        },
      },
      {
        ...shared,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e-spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // The files run one after another in one process that loads the application once: each file
          // starts its own stack on its own database, so they share no state but the loaded code.
          isolate: false,
        },
      },
      {
        ...shared,
        test: {
          // Breaks things on purpose (kills processes, stops Redis and PostgreSQL); runs the built programs.
          name: 'faults',
          include: ['test/faults/**/*.faults-spec.ts'],
          env: { E2E_DATABASE: 'postgres' },
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
