import 'reflect-metadata';

import { openDatabase, seedDemoData } from '@onegate/persistence';
import { limitHeapGrowth, runProcess } from '@onegate/observability';
import { assertRedisReachable } from '@onegate/jobs';

import { createApiApp } from './create-api-app';
import { runMigrationCommand } from './migration-command';
import { runImportCommand } from './imports/import-command';
import { runDemoHistoryCommand } from './imports/demo-history-command';
import { seedDemoHistory } from './imports/demo-history.seeder';
import { runReportsCommand } from './reports/reports-command';
import { runKeysCommand } from './keys-command';
import { runDatabaseCommand } from './database-command';
import { runPaymentSandbox } from './payments/payment-sandbox-command';
import { runNationalPortalStandIn } from './national-sync/national-portal-stand-in-command';
import { runTextMessageStandIn } from './text-messages/text-message-stand-in-command';

const [command, subcommand, argument] = process.argv.slice(2);

if (command === 'migrate') {
  runProcess('migrate', (config) => runMigrationCommand(config, subcommand));
} else if (command === 'import') {
  runProcess('import', (config) => runImportCommand(config, subcommand));
} else if (command === 'demo-history') {
  runProcess('demo-history', () => runDemoHistoryCommand(process.argv.slice(3)));
} else if (command === 'reports') {
  runProcess('reports', (config) => runReportsCommand(config, subcommand));
} else if (command === 'keys') {
  runProcess('keys', (config) => runKeysCommand(config, subcommand));
} else if (command === 'db') {
  runProcess('db', (config) => runDatabaseCommand(config, subcommand, argument));
} else if (command === 'payment-sandbox') {
  runProcess('payment-sandbox', runPaymentSandbox);
} else if (command === 'national-portal-stand-in') {
  runProcess('national-portal-stand-in', runNationalPortalStandIn);
} else if (command === 'text-message-stand-in') {
  runProcess('text-message-stand-in', runTextMessageStandIn);
} else {
  runProcess('api', async (config) => {
    limitHeapGrowth();
    await assertRedisReachable(config.redisUrl);
    const dataSource = await openDatabase(config, 'run');
    if (!config.isProduction) await seedDemoData(dataSource, config.demoPassword);
    const app = await createApiApp(config, dataSource);
    await app.listen(config.port);
    // Listening already: the launcher sees the API live while a year of history is imported.
    if (!config.isProduction && config.demoHistory) await seedDemoHistory(app, config.demoHistory.files);
    return app;
  });
}
