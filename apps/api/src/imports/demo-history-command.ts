import { demoHistoryNdjson } from '@onegate/persistence';

import { DEMO_HISTORY_SEED } from './demo-history.seeder';

const USAGE =
  'usage: demo-history FILES [--seed N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--shuffled] (NDJSON on stdout)';

/**
 * `demo-history FILES`: writes the demo history's NDJSON to stdout, the lines the demo seed imports
 * (docs/operations.md, "Demo history"); the benchmarks import it. `--to` ends it at the end of that day.
 */
export async function runDemoHistoryCommand(args: readonly string[]): Promise<void> {
  const count = Number(args[0]);
  if (!Number.isInteger(count) || count < 1) throw new Error(USAGE);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index > 0 ? args[index + 1] : undefined;
  };
  const to = option('to');
  const now = to ? new Date(`${to}T23:59:00+07:00`) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(USAGE);
  const lines = demoHistoryNdjson({
    count,
    seed: Number(option('seed') ?? DEMO_HISTORY_SEED),
    now,
    from: option('from'),
    ordered: !args.includes('--shuffled'),
  });
  for (const line of lines) {
    if (!process.stdout.write(line)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
