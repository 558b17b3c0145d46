import { resolve } from 'node:path';

import type { AppConfig } from '@onegate/config';
import { NationalPortalStandIn } from '@onegate/national-sync';

/** Where the stand-in appends what it receives, without personal data (docs/integrations.md). */
export const STAND_IN_RECORD_FILE = 'data/national-portal-stand-in.jsonl';

/** `national-portal-stand-in`: the local national portal for development, on NATIONAL_PORTAL_STANDIN_PORT. */
export async function runNationalPortalStandIn(config: AppConfig) {
  if (config.isProduction) throw new Error('The national portal stand-in does not run in production');
  const standIn = await NationalPortalStandIn.start({
    port: config.nationalPortal.standInPort,
    username: config.nationalPortal.username,
    password: config.nationalPortal.password,
    recordFile: resolve(STAND_IN_RECORD_FILE),
  });
  process.stdout.write(`onegate national-portal-stand-in: listening on ${standIn.url}\n`);
  return { close: () => standIn.stop() };
}
