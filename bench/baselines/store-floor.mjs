// The import's floor: what PostgreSQL itself takes to store the same applications and events, with the
// same indexes and foreign keys, when nothing parses, replays or sums anything. A sample of the seeded
// rows is copied aside, then inserted by one server-side INSERT … SELECT per table into empty copies
// of the two tables (schema `store_floor`, removed afterwards). Report rollups are not counted: the
// floor is for storing the rows alone.
import { withClient } from '../stack.mjs';

const TABLES = ['applications', 'application_events'];

/** Foreign keys of `table`, rewritten so that the events of the copy point at the copied applications. */
async function foreignKeys(client, table) {
  const { rows } = await client.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE conrelid = $1::regclass AND contype = 'f'`,
    [`public.${table}`],
  );
  return rows.map(({ definition }) =>
    definition.replace(/REFERENCES (public\.)?applications\(/, 'REFERENCES store_floor.applications('),
  );
}

export async function storeFloor(databaseUrl, { applications }) {
  return withClient(databaseUrl, async (client) => {
    await client.query('DROP SCHEMA IF EXISTS store_floor CASCADE');
    await client.query('CREATE SCHEMA store_floor');
    try {
      await client.query(
        `CREATE UNLOGGED TABLE store_floor.staged_applications AS
         SELECT * FROM public.applications ORDER BY id LIMIT $1`,
        [applications],
      );
      await client.query(
        `CREATE UNLOGGED TABLE store_floor.staged_events AS
         SELECT e.* FROM public.application_events e
         JOIN store_floor.staged_applications a ON a.id = e.application_id`,
      );
      for (const table of TABLES) {
        await client.query(`CREATE TABLE store_floor.${table} (LIKE public.${table} INCLUDING ALL)`);
        for (const definition of await foreignKeys(client, table)) {
          await client.query(`ALTER TABLE store_floor.${table} ADD ${definition}`);
        }
      }
      await client.query('CHECKPOINT').catch(() => undefined);
      const started = performance.now();
      await client.query('BEGIN');
      await client.query(
        'INSERT INTO store_floor.applications SELECT * FROM store_floor.staged_applications',
      );
      const { rowCount: events } = await client.query(
        'INSERT INTO store_floor.application_events SELECT * FROM store_floor.staged_events',
      );
      await client.query('COMMIT');
      const seconds = (performance.now() - started) / 1000;
      return { applications, events, seconds, applicationsPerSecond: applications / seconds };
    } finally {
      await client.query('DROP SCHEMA IF EXISTS store_floor CASCADE');
    }
  });
}
