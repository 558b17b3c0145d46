import type { DayOverride, DayOverrideKind } from './day-overrides';
import { isLocalDate } from './local-date';

/** The longest `source` line and `reason` field, as stored. */
export const MAX_SCHEDULE_SOURCE_LENGTH = 500;
export const MAX_SCHEDULE_REASON_LENGTH = 255;

const KINDS: readonly string[] = ['day_off', 'working_day'] satisfies DayOverrideKind[];
const HEADER = 'date,kind,reason';

/** A year's official schedule as an administrator loads it from a file (docs/working-time.md). */
export interface OfficialScheduleFile {
  readonly year: number;
  readonly source: string;
  readonly overrides: readonly DayOverride[];
}

/** A schedule file that cannot be loaded; `line` (from 1, 0 for the whole file) and `field` say where. */
export class ScheduleFileError extends Error {
  public override readonly name = 'ScheduleFileError';

  public constructor(
    public readonly line: number,
    public readonly field: string,
    problem: string,
  ) {
    super(line === 0 ? problem : `line ${line}, ${field}: ${problem}`);
  }
}

/**
 * Reads a schedule file of `year`: lines `date,kind,reason` after one `source,<notices>` line, with an
 * optional `date,kind,reason` header; blank lines and lines starting with `#` are skipped. The reason is
 * everything after the second comma. Every date must be a real date of `year`, listed once.
 */
export function parseOfficialScheduleFile(text: string, year: number): OfficialScheduleFile {
  let source: string | undefined;
  const overrides: DayOverride[] = [];
  const seen = new Set<string>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      if (source === undefined) {
        source = sourceOf(text, line);
        return;
      }
      if (text === HEADER && overrides.length === 0) return;
      const override = overrideOf(text, line, year);
      if (seen.has(override.date)) {
        throw new ScheduleFileError(line, 'date', `${override.date} is listed more than once`);
      }
      seen.add(override.date);
      overrides.push(override);
    });
  if (source === undefined) {
    throw new ScheduleFileError(0, 'file', 'the file is empty: it needs a "source,<notices>" line');
  }
  return { year, source, overrides };
}

function sourceOf(text: string, line: number): string {
  const [key, ...rest] = text.split(',');
  const source = rest.join(',').trim();
  if (key!.trim() !== 'source') {
    throw new ScheduleFileError(
      line,
      'source',
      'the first line must be "source,<the notices the days come from>"',
    );
  }
  if (source === '') throw new ScheduleFileError(line, 'source', 'name the notices the days come from');
  if (source.length > MAX_SCHEDULE_SOURCE_LENGTH) {
    throw new ScheduleFileError(line, 'source', `at most ${MAX_SCHEDULE_SOURCE_LENGTH} characters`);
  }
  return source;
}

function overrideOf(text: string, line: number, year: number): DayOverride {
  const [date = '', kind = '', ...rest] = text.split(',');
  return checkedOverride(line, year, date.trim(), kind.trim(), rest.join(',').trim());
}

function checkedOverride(
  line: number,
  year: number,
  date: string,
  kind: string,
  reason: string,
): DayOverride {
  if (!isLocalDate(date)) {
    throw new ScheduleFileError(
      line,
      'date',
      `${JSON.stringify(date)} is not a real date written YYYY-MM-DD`,
    );
  }
  if (Number(date.slice(0, 4)) !== year) {
    throw new ScheduleFileError(line, 'date', `${date} is not in ${year}: a file holds one year`);
  }
  if (!KINDS.includes(kind)) {
    throw new ScheduleFileError(line, 'kind', `${JSON.stringify(kind)} must be day_off or working_day`);
  }
  if (reason === '') throw new ScheduleFileError(line, 'reason', 'say why the day is off or worked');
  if (reason.length > MAX_SCHEDULE_REASON_LENGTH) {
    throw new ScheduleFileError(line, 'reason', `at most ${MAX_SCHEDULE_REASON_LENGTH} characters`);
  }
  return { date, kind: kind as DayOverrideKind, reason };
}
