import type { AppConfig } from '@onegate/config';
import { ConfigError, loadConfig } from '@onegate/config';

export interface Stoppable {
  close(): Promise<void>;
}

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Starts a OneGate process. Known start-up failures (bad configuration, unreachable database or
 * Redis) print one line each and exit 1. SIGTERM or SIGINT closes the application (in-flight
 * requests and jobs finish, connections close) and exits 0.
 */
export function runProcess(name: string, start: (config: AppConfig) => Promise<Stoppable | void>): void {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    exitWith(name, error instanceof ConfigError ? error.problems : [String(error)]);
  }
  const started = start(config);
  started.catch((error: unknown) => exitWith(name, [error instanceof Error ? error.message : String(error)]));
  for (const signal of STOP_SIGNALS) {
    process.once(signal, () => {
      void started
        .then((app) => app?.close())
        .then(
          () => process.exit(0),
          (error: unknown) => exitWith(name, [`could not stop cleanly: ${String(error)}`]),
        );
    });
  }
}

function exitWith(name: string, lines: string[]): never {
  for (const line of lines) process.stderr.write(`onegate ${name}: ${line}\n`);
  process.exit(1);
}
