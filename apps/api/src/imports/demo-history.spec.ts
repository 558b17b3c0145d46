import { randomBytes } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { useNationalIdKeys } from '@onegate/config';

import { createVietnamWorkingCalendar } from '@onegate/domain';
import type { ProcessContext, WorkingCalendar } from '@onegate/domain';
import {
  DEMO_AGENCIES,
  DEMO_HISTORY_FULLY_ONLINE,
  DEMO_NATIONAL_ID_PREFIX,
  DEMO_PROCEDURES,
  DEMO_PROCESSES,
  demoHistoryLines,
  demoHistoryNdjson,
  isCitizenEvent,
  NO_STORED_COPY,
} from '@onegate/persistence';
import type { Agency, DemoHistoryLine, Procedure } from '@onegate/persistence';

import { parseImportLine } from './import-line';
import { replayLine } from './import-replay';

const COUNT = 8_000;
const NOW = new Date('2026-12-07T13:24:58Z');
const calendar = createVietnamWorkingCalendar();

/** The demo catalogue in memory, as the import loads it from the database. */
function demoCatalogue() {
  const agencies = new Map<string, Agency>(
    DEMO_AGENCIES.map((seed) => [
      seed.code,
      { id: `agency-${seed.code}`, code: seed.code, timeZone: calendar.timeZone } as Agency,
    ]),
  );
  const byId = new Map([...agencies.values()].map((agency) => [agency.id, agency]));
  const calendars = new Map<string, WorkingCalendar>([...byId.keys()].map((id) => [id, calendar]));
  const procedures = new Map<string, { procedure: Procedure; process: ProcessContext }>();
  for (const seed of DEMO_PROCEDURES) {
    const agencyId = agencies.get(seed.agencyCode)!.id;
    const procedure = { ...seed, id: `procedure-${seed.code}`, agencyId } as unknown as Procedure;
    const steps = (DEMO_PROCESSES[seed.code] ?? []).map((step, index) => ({
      id: `${seed.code}-step-${index + 1}`,
      position: index + 1,
      nameVi: step.nameVi,
      holderAgencyId: step.holderAgencyCode ? agencies.get(step.holderAgencyCode)!.id : null,
      holderRole: step.holderRole,
      budgetHours: step.budgetHours,
    }));
    procedures.set(seed.code, { procedure, process: { steps, competentAgencyId: agencyId, calendars } });
  }
  return { agencies, byId, procedures };
}

/** Reads and replays a line as the import does; throws the import's error when it would be rejected. */
function importCheck(line: DemoHistoryLine, catalogue: ReturnType<typeof demoCatalogue>) {
  const parsed = parseImportLine(JSON.stringify(line));
  const { procedure, process } = catalogue.procedures.get(parsed.procedureCode)!;
  const receiving = catalogue.agencies.get(parsed.receivingAgencyCode!)!;
  return replayLine(parsed, {
    procedure,
    calendar,
    competentAgency: catalogue.byId.get(procedure.agencyId)!,
    receivingAgency: { agency: receiving, calendar },
    account: null,
    importedAt: NOW,
    process,
    agencyById: (id) => catalogue.byId.get(id),
    agencyByCode: (code) => catalogue.agencies.get(code),
    feedbackDays: 10,
  });
}

/** The fully-online rule of docs/metrics.md, written out here on the line's own events. */
function fullyOnline(line: DemoHistoryLine): boolean {
  const events = line.events;
  const returned = events.at(-1)?.type === 'return';
  return (
    returned &&
    events[0]!.type !== 'register_counter' &&
    events.some((event) => event.type === 'submit') &&
    (line.fee.amount === 0 || events.some((event) => event.type === 'pay' && event.channel === 'online')) &&
    events.every((event) => event.channel === 'online')
  );
}

describe('the demo history', () => {
  const lines = [...demoHistoryLines({ count: COUNT, seed: 7, now: NOW })];
  const rejected: string[] = [];
  const files: ReturnType<typeof importCheck>['application'][] = [];
  const replayed: ReturnType<typeof importCheck>[] = [];
  beforeAll(() => {
    useNationalIdKeys({ encryption: [{ id: 'k1', key: randomBytes(32) }], hashKey: randomBytes(32) });
    const catalogue = demoCatalogue();
    lines.forEach((line, index) => {
      try {
        const entry = importCheck(line, catalogue);
        replayed.push(entry);
        files.push(entry.application);
      } catch (error) {
        rejected.push(`line ${index + 1} (${line.code}): ${(error as Error).message}`);
      }
    });
  }, 120_000);

  it('is the same for the same seed, and another for another seed', () => {
    const first = [...demoHistoryNdjson({ count: 500, seed: 7, now: NOW })];
    expect([...demoHistoryNdjson({ count: 500, seed: 7, now: NOW })]).toEqual(first);
    expect([...demoHistoryNdjson({ count: 500, seed: 8, now: NOW })]).not.toEqual(first);
  });

  it('has as many files as asked, each with its own code, every line accepted by the import', () => {
    expect(lines).toHaveLength(COUNT);
    expect(new Set(lines.map((line) => line.code)).size).toBe(COUNT);
    expect(rejected.slice(0, 5)).toEqual([]);
    expect(files).toHaveLength(COUNT);
  });

  it('spans the twelve months before now, with files still open and some already overdue', () => {
    const first = lines.map((line) => line.events[0]!.at).sort()[0]!;
    expect(first >= '2025-12-07').toBe(true);
    expect(first < '2025-12-12').toBe(true);
    const open = files.filter((file) =>
      ['received', 'in_progress', 'supplement_requested', 'decided'].includes(file.state),
    );
    expect(open.length).toBeGreaterThan(100);
    expect(open.length).toBeLessThan(lines.length / 10);
    const overdue = open.filter((file) => file.state !== 'supplement_requested' && file.dueAt! < NOW);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(open.length / 4);
  });

  it('keeps staff and system events in office hours: none on a weekend, a holiday or at night', () => {
    const outside = lines.flatMap((line) =>
      line.events
        .filter((event) => !isCitizenEvent(event))
        .filter((event) => !calendar.isWithinOfficeHours(new Date(event.at)))
        .map((event) => `${line.code} ${event.type} ${event.at}`),
    );
    expect(outside.slice(0, 5)).toEqual([]);
  });

  it('has fewer files in the Tết holidays and more in the weeks before them', () => {
    const perDay = new Map<string, number>();
    for (const line of lines) {
      const date = line.events[0]!.at.slice(0, 10);
      perDay.set(date, (perDay.get(date) ?? 0) + 1);
    }
    // Tết 2026: the holidays from 14 to 22 February (the shipped official schedule).
    const mean = (from: string, to: string) => {
      let total = 0;
      let days = 0;
      for (const [date, count] of perDay) if (date >= from && date <= to) total += count;
      for (let day = Date.parse(from); day <= Date.parse(to); day += 86_400_000) days += 1;
      return total / days;
    };
    expect(mean('2026-02-16', '2026-02-20')).toBeLessThan(mean('2026-01-26', '2026-02-06') / 10);
    expect(mean('2026-01-26', '2026-02-06')).toBeGreaterThan(mean('2026-10-05', '2026-10-30'));
  });

  it('has one agency within a point of 91% fully online, and the other stories of a year', () => {
    const agencyCodes = new Map(DEMO_PROCEDURES.map((seed) => [seed.code, seed.agencyCode]));
    const returned = lines.filter(
      (line) =>
        agencyCodes.get(line.procedureCode) === DEMO_HISTORY_FULLY_ONLINE.agencyCode &&
        line.events.at(-1)!.type === 'return',
    );
    const share = returned.filter(fullyOnline).length / returned.length;
    expect(Math.abs(share - 0.91)).toBeLessThanOrEqual(0.01);
    const types = (type: string) => lines.filter((line) => line.events.some((event) => event.type === type));
    for (const type of ['refuse', 'withdraw', 'extend', 'send_back', 'forward', 'deny', 'register_counter'])
      expect(types(type).length, type).toBeGreaterThan(0);
    const twice = lines.filter(
      (line) => line.events.filter((event) => event.type === 'request_supplement').length === 2,
    );
    expect(twice.length).toBeGreaterThan(0);
    const payments = lines.flatMap((line) => line.events.filter((event) => event.type === 'pay'));
    expect(new Set(payments.map((event) => event.channel))).toEqual(new Set(['online', 'offline']));
    expect(lines.filter((line) => line.rating !== undefined).length).toBeGreaterThan(COUNT / 10);
    const transfers = lines.filter((line) =>
      DEMO_PROCESSES[line.procedureCode]!.some((s) => s.holderAgencyCode),
    );
    expect(transfers.length).toBeGreaterThan(0);
  });

  it('has feedback on a few files in a hundred, with complaints, late answers and ratings, all accepted', () => {
    const feedback = replayed.flatMap((entry) => entry.feedback ?? []);
    expect(feedback.length).toBeGreaterThan(COUNT * 0.02);
    expect(feedback.length).toBeLessThan(COUNT * 0.06);
    const complaints = feedback.filter((item) => item.aspect !== 'other');
    expect(complaints.length).toBeGreaterThan(0);
    expect(complaints.length).toBeLessThan(feedback.length);
    const answered = feedback.filter((item) => item.answeredAt !== null);
    const late = answered.filter((item) => item.answeredAt! > item.dueAt);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(answered.length / 2);
    expect(new Set(feedback.map((item) => item.rating))).toEqual(
      new Set([null, 'satisfied', 'not_satisfied']),
    );
    expect(feedback.every((item) => item.filedAt <= NOW && (item.ratedAt ?? NOW) <= NOW)).toBe(true);
  });

  it('gives the files documents: uploaded online, scanned on most paper files, some reused', () => {
    const origins = (type: string) =>
      lines
        .flatMap((line) => line.events.filter((event) => event.type === type))
        .map((event) => event.documents);
    const counter = origins('register_counter');
    const scanned = counter.filter((documents) =>
      documents?.every((document) => document.origin === 'scanned'),
    );
    expect(scanned.length).toBeGreaterThan(counter.length * 0.7);
    expect(scanned.length).toBeLessThan(counter.length);
    const online = origins('submit').flatMap((documents) => documents ?? []);
    expect(new Set(online.map((document) => document.origin))).toEqual(new Set(['uploaded', 'reused']));
    const attachments = replayed.flatMap((entry) => entry.attachments ?? []);
    expect(attachments.length).toBe(online.length + scanned.flatMap((documents) => documents!).length);
    expect(attachments.every((attachment) => attachment.storageKey === NO_STORED_COPY)).toBe(true);
  });

  it('says most online files’ results were issued electronically, and keeps them without a copy', () => {
    const decided = lines.filter((line) =>
      line.events.some((event) => event.type === 'approve' || event.type === 'deny'),
    );
    const online = decided.filter((line) => line.events[0]!.type === 'submit');
    const electronic = (line: (typeof lines)[number]) =>
      line.events.some((event) => event.result?.electronic);
    expect(online.filter(electronic).length).toBeGreaterThan(online.length * 0.6);
    expect(decided.filter(electronic).length).toBeLessThan(decided.length);
    const results = replayed.flatMap((entry) => entry.results ?? []);
    expect(results.length).toBe(decided.filter(electronic).length);
    expect(results.every((result) => result.storageKey === NO_STORED_COPY)).toBe(true);
  });

  it('uses only synthetic citizens: national IDs with a province code that does not exist', () => {
    expect(lines.every((line) => line.applicant.nationalId.startsWith(DEMO_NATIONAL_ID_PREFIX))).toBe(true);
    expect(lines.every((line) => /^\d{12}$/.test(line.applicant.nationalId))).toBe(true);
  });
});
