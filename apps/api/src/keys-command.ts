import type { AppConfig } from '@onegate/config';
import { nationalIdCipher } from '@onegate/config';
import { openDatabase, resealFormAnswers, resealNationalIds, resealPersonalText } from '@onegate/persistence';

/**
 * `keys rotate`: re-encrypts every national ID number, every application's form answers, and the other
 * personal text sealed at rest (phone numbers, message bodies, kept answers), not yet sealed with the
 * first key of NATIONAL_ID_KEYS, and recomputes every lookup hash with NATIONAL_ID_HASH_KEY
 * (libs/persistence/src/key-rotation). Each row is valid before and after its update, so the command can run while
 * OneGate serves, and again after an interruption.
 */
export async function runKeysCommand(config: AppConfig, action: string | undefined): Promise<void> {
  if (action !== 'rotate') throw new Error('usage: keys rotate');
  const dataSource = await openDatabase(config, 'run');
  const runner = dataSource.createQueryRunner();
  try {
    const keyId = nationalIdCipher().currentKeyId;
    const numbers = await resealNationalIds(runner);
    process.stdout.write(`national ID numbers sealed with key ${keyId}: ${numbers} rows rewritten\n`);
    const forms = await resealFormAnswers(runner);
    process.stdout.write(`form answers sealed with key ${keyId}: ${forms} rows rewritten\n`);
    const texts = await resealPersonalText(runner);
    process.stdout.write(
      `phone numbers, message bodies and kept answers sealed with key ${keyId}: ${texts} values rewritten\n`,
    );
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
