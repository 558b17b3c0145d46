import { AppConfig, ConfigError, loadConfig } from '@onegate/config';

/**
 * Starts a OneGate process. Known start-up failures (bad configuration, unreachable database or
 * Redis) print one line each and exit 1; nothing else is printed for them.
 */
export function runProcess(name: string, start: (config: AppConfig) => Promise<void>): void {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    exitWith(name, error instanceof ConfigError ? error.problems : [String(error)]);
  }
  start(config).catch((error: unknown) =>
    exitWith(name, [error instanceof Error ? error.message : String(error)]),
  );
}

function exitWith(name: string, lines: string[]): never {
  for (const line of lines) process.stderr.write(`onegate ${name}: ${line}\n`);
  process.exit(1);
}
