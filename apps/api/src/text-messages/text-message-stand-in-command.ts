import { resolve } from 'node:path';

import type { AppConfig } from '@onegate/config';
import { TextMessageStandIn } from '@onegate/notifications';

/** Where the stand-in appends what it would send, the numbers shortened (docs/text-messages.md). */
export const TEXT_STAND_IN_RECORD_FILE = 'data/text-message-stand-in.jsonl';

/** `text-message-stand-in`: the local SMS and Zalo provider for development, on TEXT_MESSAGE_STANDIN_PORT. */
export async function runTextMessageStandIn(config: AppConfig) {
  if (config.isProduction) throw new Error('The text-message stand-in does not run in production');
  const standIn = await TextMessageStandIn.start({
    port: config.textMessages.standInPort,
    token: config.textMessages.token,
    recordFile: resolve(TEXT_STAND_IN_RECORD_FILE),
  });
  process.stdout.write(`onegate text-message-stand-in: listening on ${standIn.url}\n`);
  return { close: () => standIn.stop() };
}
