/**
 * A seeded generator of random application histories in the import format of docs/metrics.md: random
 * procedures, channels, supplements under both policies, extensions, denials, withdrawals, refusals,
 * paper steps, payments and ratings, at any time of day, weekends and holidays included.
 */

export interface ProcedureFacts {
  code: string;
  agencyCode: string;
  field: string;
  processingHours: number;
  feeVnd: number;
  supplementPolicy: 'pause' | 'restart';
}

export interface AgencyFacts {
  code: string;
  parentCode: string | null;
}

export interface CatalogueFacts {
  procedures: ProcedureFacts[];
  agencies: AgencyFacts[];
}

export type Channel = 'online' | 'offline';

export interface ImportEventJson {
  type: string;
  at: string;
  channel: Channel;
  [field: string]: unknown;
}

export interface ImportLineJson {
  code: string;
  procedureCode: string;
  receivingAgencyCode?: string;
  applicant: { nationalId: string; fullName: string; email?: string };
  formData: Record<string, unknown>;
  fee: { amount: number };
  events: ImportEventJson[];
  rating?: number;
}

/** Mulberry32: a small, fast, seeded pseudo-random generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
const OFFSET = 7 * HOUR;
const BOUNDARIES = [8 * 60, 12 * 60, 13 * 60, 17 * 60];

/** `2025-01-03T09:15:00.000+07:00` */
export function localIso(instant: number): string {
  return new Date(instant + OFFSET).toISOString().replace('Z', '+07:00');
}

export interface GeneratorOptions {
  seed: number;
  count: number;
  /** First and last local date a story may start on. */
  from: string;
  to: string;
  catalogue: CatalogueFacts;
  /** National IDs some applicants use (e.g. a citizen account's). */
  knownNationalIds?: string[];
  codePrefix?: string;
  /**
   * Give every reception the step fields of docs/metrics.md ("Historical import"), now and then held by
   * another agency (a transfer), and every supplement the step's new due time. Drawn from a generator of
   * their own, so the stories are the same with and without them.
   */
  steps?: boolean;
}

const STEP_NAMES = ['Tiếp nhận hồ sơ', 'Thẩm định hồ sơ'];

export function generateApplications(options: GeneratorOptions): ImportLineJson[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const start = Date.parse(`${options.from}T00:00:00+07:00`);
  const end = Date.parse(`${options.to}T23:59:59+07:00`);
  const lines: ImportLineJson[] = [];
  const stepRandom = seededRandom(options.seed + 7_919);
  const stepPick = <T>(items: readonly T[]): T => items[Math.floor(stepRandom() * items.length)]!;

  for (let index = 0; index < options.count; index += 1) {
    const procedure = pick(options.catalogue.procedures);
    const events: ImportEventJson[] = [];
    let at = start + Math.floor(random() * (end - start));
    const step = () => {
      const r = random();
      at +=
        r < 0.5 ? between(5, 240) * MINUTE : r < 0.85 ? between(4, 72) * HOUR : between(3, 15) * 24 * HOUR;
      at = Math.floor(at / MINUTE) * MINUTE;
      if (chance(0.12)) {
        // Land exactly on an office-hours boundary now and then (08:00, 12:00, 13:00, 17:00).
        const midnight = Math.floor((at + OFFSET) / (24 * HOUR)) * 24 * HOUR - OFFSET;
        const boundary = midnight + pick(BOUNDARIES) * MINUTE;
        at = boundary >= at ? boundary : boundary + 24 * HOUR;
      }
    };
    const stepFields = (type: string): Record<string, unknown> => {
      if (!options.steps) return {};
      const dueAt = localIso(at + (1 + Math.floor(stepRandom() * 60)) * HOUR);
      if (type === 'supplement') return { stepDueAt: dueAt };
      if (type !== 'receive' && type !== 'register_counter') return {};
      const others = options.catalogue.agencies.filter((agency) => agency.code !== procedure.agencyCode);
      const position = stepRandom() < 0.7 ? 1 : 2;
      return {
        step: position,
        stepName: STEP_NAMES[position - 1],
        stepAgencyCode: stepRandom() < 0.25 ? stepPick(others).code : procedure.agencyCode,
        stepRole: stepRandom() < 0.7 ? 'clerk' : 'supervisor',
        stepDueAt: dueAt,
      };
    };
    const add = (type: string, channel: Channel, fields: Record<string, unknown> = {}) =>
      events.push({ type, at: localIso(at), channel, ...fields, ...stepFields(type) });
    const online = chance(0.7);
    const citizenChannel = (): Channel => (online && chance(0.85) ? 'online' : 'offline');
    const fee = procedure.feeVnd > 0 && chance(0.1) ? 0 : procedure.feeVnd;
    let paid = fee === 0;
    const pay = () => {
      if (paid) return;
      const channel = citizenChannel();
      add('pay', channel, channel === 'online' ? { reference: `PG-${index}` } : {});
      paid = true;
    };
    const receiving = chance(0.75) ? procedure.agencyCode : pick(options.catalogue.agencies).code;

    let open = true;
    if (online) {
      if (chance(0.3)) {
        pay();
        step();
      }
      add('submit', 'online');
      step();
      const r = random();
      if (r < 0.04) {
        add('withdraw', 'online');
        open = false;
      } else if (r < 0.08) {
        add('refuse', 'online', { reason: 'Hồ sơ không thuộc thẩm quyền' });
        open = false;
      } else if (r < 0.1) {
        open = false; // still waiting for reception
      } else {
        add('receive', chance(0.95) ? 'online' : 'offline');
      }
    } else {
      add('register_counter', 'offline');
    }

    let state = 'received';
    if (open) {
      for (let actions = between(0, 4); actions > 0 && open; actions -= 1) {
        step();
        const r = random();
        if (r < 0.3) {
          add('assign', chance(0.9) ? 'online' : 'offline', { assigneeId: `clerk-${between(1, 20)}` });
          state = 'in_progress';
        } else if (r < 0.6) {
          add('request_supplement', 'online', {
            reason: 'Thiếu giấy tờ',
            missingDocuments: ['Bản sao CCCD'],
          });
          step();
          const answer = random();
          if (answer < 0.8) {
            add('supplement', citizenChannel());
            state = 'in_progress';
          } else if (answer < 0.88) {
            add('withdraw', 'online');
            open = false;
          } else {
            state = 'supplement_requested';
            break;
          }
        } else if (r < 0.8) {
          add('extend', 'online', {
            reason: 'Cần xác minh thêm',
            appointmentAt: localIso(at + between(1, 10) * 24 * HOUR),
          });
        } else {
          pay();
        }
      }
    }
    if (open && state !== 'supplement_requested') {
      step();
      const r = random();
      if (r < 0.05) {
        add('withdraw', 'online');
      } else if (r < 0.13) {
        // still being worked on: part of the backlog
      } else {
        if (chance(0.8)) add('approve', 'online');
        else add('deny', 'online', { reason: 'Không đủ điều kiện' });
        if (chance(0.95)) {
          step();
          add('sign', chance(0.85) ? 'online' : 'offline');
          if (chance(0.93)) {
            step();
            add('return', chance(0.8) ? 'online' : 'offline');
          }
        }
      }
    }

    const returned = events.some((event) => event.type === 'return');
    const knownIds = options.knownNationalIds ?? [];
    const nationalId =
      knownIds.length > 0 && chance(0.05)
        ? pick(knownIds)
        : `0221${String(between(0, 99_999_999)).padStart(8, '0')}`;
    const firstAt = Date.parse(events[0]!.at);
    const receivedAt = events.find((event) => event.type === 'receive' || event.type === 'register_counter');
    const codeDate = localIso(receivedAt ? Date.parse(receivedAt.at) : firstAt)
      .slice(2, 10)
      .replace(/-/g, '');
    lines.push({
      code: `${receiving}-${codeDate}-${options.codePrefix ?? ''}${String(index + 1).padStart(5, '0')}`,
      procedureCode: procedure.code,
      receivingAgencyCode: receiving,
      applicant: {
        nationalId,
        fullName: `Người nộp ${index + 1}`,
        email: `applicant${index + 1}@example.vn`,
      },
      formData: { note: `imported ${index + 1}` },
      fee: { amount: fee },
      events,
      ...(returned && chance(0.6) ? { rating: between(1, 5) } : {}),
    });
  }
  return lines;
}
