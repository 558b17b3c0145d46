import type { MigrationInterface, QueryRunner } from 'typeorm';

const KEY = ['agency_id', 'procedure_id', 'channel'];
const COUNTERS = [
  'received',
  'decided',
  'on_time',
  'extended',
  'turnaround_ms',
  'returned',
  'fully_online',
  'refused',
  'withdrawn',
  'backlog_delta',
  'overdue_delta',
  'rating_count',
  'rating_sum',
  'satisfied',
];

/**
 * Yearly rows (grain `year`, period `YYYY`) beside the daily and monthly ones, so that a year's report
 * and the backlog "since the beginning" read one row per key and year instead of twelve. They are the
 * sums of the monthly rows; from here on every write keeps them. Writers wait while they are filled.
 */
export class AddYearlyReportRollups1764200000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('LOCK TABLE report_rollups, report_histograms IN EXCLUSIVE MODE');
    }
    await this.down(queryRunner);
    const year = 'substr(period, 1, 4)';
    await queryRunner.query(
      `INSERT INTO report_rollups (grain, period, ${[...KEY, ...COUNTERS].join(', ')})
       SELECT 'year', ${year}, ${[...KEY, ...COUNTERS.map((column) => `SUM(${column})`)].join(', ')}
       FROM report_rollups WHERE grain = 'month'
       GROUP BY ${[year, ...KEY].join(', ')}
       HAVING ${COUNTERS.map((column) => `SUM(${column}) <> 0`).join(' OR ')}`,
    );
    await queryRunner.query(
      `INSERT INTO report_histograms (grain, period, ${KEY.join(', ')}, metric, bucket, count)
       SELECT 'year', ${year}, ${KEY.join(', ')}, metric, bucket, SUM(count)
       FROM report_histograms WHERE grain = 'month'
       GROUP BY ${[year, ...KEY].join(', ')}, metric, bucket
       HAVING SUM(count) <> 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM report_rollups WHERE grain = 'year'`);
    await queryRunner.query(`DELETE FROM report_histograms WHERE grain = 'year'`);
  }
}
