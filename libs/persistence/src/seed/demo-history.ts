import { addDays, createVietnamWorkingCalendar } from '@onegate/domain';
import type { WorkingCalendar } from '@onegate/domain';

import { DEMO_PROCESSES } from './demo-processes';
import type { StepSeed } from './demo-processes';
import { DEMO_PROCEDURES } from './demo-procedures';
import type { ProcedureSeed } from './demo-procedures';

/**
 * A year of generated history of the demo province, in the historical import's format (docs/metrics.md,
 * "Historical import"; docs/operations.md, "Demo history"): seasons and Tết, online and counter files,
 * each procedure's steps with the tax office transfer, supplements, late files and apology letters,
 * payments, refusals, withdrawals, ratings, and the files still open at the end. The same seed gives the
 * same history.
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
/** The demo province's offset: Asia/Ho_Chi_Minh has no daylight saving time. */
const OFFSET = 7 * HOUR;

/** The agency whose returned files are fully online at this share (docs/operations.md, "Demo history"). */
export const DEMO_HISTORY_FULLY_ONLINE = { agencyCode: 'QN-STC', share: 0.91 } as const;

/** Demo applicants' national ID numbers start with this: no province has code 099, so none is real. */
export const DEMO_NATIONAL_ID_PREFIX = '099';

/**
 * Whether the citizen took the event (submitting, withdrawing, paying or supplementing online), at any
 * hour from 06:00 to 23:00; the staff's and the system's events fall in office hours only.
 */
export const isCitizenEvent = (event: Pick<DemoHistoryEvent, 'type' | 'channel'>): boolean =>
  event.type === 'submit' ||
  event.type === 'withdraw' ||
  ((event.type === 'pay' || event.type === 'supplement') && event.channel === 'online');

export interface DemoHistoryEvent {
  type: string;
  at: string;
  channel: 'online' | 'offline';
  reason?: string;
  missingDocuments?: string[];
  appointmentAt?: string;
  reference?: string;
  /** `send_back`: the step it goes back to, with that step's fields (docs/metrics.md, "Historical import"). */
  step?: number;
  stepName?: string;
  stepAgencyCode?: string;
  stepRole?: string;
  stepDueAt?: string;
  /** `submit`, `register_counter`: the file's documents and where each came from (docs/documents.md). */
  documents?: DemoHistoryDocument[];
  /** `approve`, `deny`, `return`: the result was issued electronically (docs/metrics.md, "Historical import"). */
  result?: { electronic: boolean };
}

export interface DemoHistoryDocument {
  name: string;
  origin: 'uploaded' | 'scanned' | 'reused';
  sourceCode?: string;
}

/** Feedback about a file, filed, answered and rated (docs/metrics.md, "Historical import"). */
export interface DemoHistoryFeedback {
  kind: 'feedback' | 'petition';
  aspect: 'reception' | 'handling' | 'lateness' | 'other';
  at: string;
  subject: string;
  text: string;
  answer?: { at: string; text: string };
  rating?: { at: string; value: 'satisfied' | 'not_satisfied' };
}

export interface DemoHistoryLine {
  code: string;
  procedureCode: string;
  receivingAgencyCode: string;
  applicant: { nationalId: string; fullName: string };
  formData: Record<string, string>;
  fee: { amount: number };
  events: DemoHistoryEvent[];
  rating?: number;
  feedback?: DemoHistoryFeedback[];
}

export interface DemoHistoryOptions {
  /** How many files. */
  count: number;
  /** The same seed gives the same history. */
  seed: number;
  /** The end of the history: what would happen later is not there yet, so those files are still open. */
  now: Date;
  /** The first local date of the history; by default the day twelve months before `now`. */
  from?: string;
  /** Files start in date order (an agency's export usually is), or on random days of the period. */
  ordered?: boolean;
  /** The working calendar; by default the Vietnamese one with the shipped official schedules. */
  calendar?: WorkingCalendar;
}

/** How often each procedure is asked for, relative to the others (civil status is the bulk of the work). */
const DEMAND: { readonly [code: string]: number } = {
  '1.001193': 14,
  '1.000894': 6,
  '2.000488': 8,
  '1.001612': 10,
  '1.009972': 5,
  '1.012795': 6,
  '1.010000': 4,
  '2.001610': 7,
  '1.000656': 9,
  '2.000635': 12,
  '1.002809': 4,
  '2.001827': 3,
  '1.012790': 5,
  '2.001199': 7,
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang', 'Thu', 'Hữu', 'Bảo'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hoa', 'Hùng', 'Lan', 'Long', 'Mai'];
const SUPPLEMENT_REASONS = [
  { reason: 'Bản sao giấy tờ không rõ nét', missingDocuments: ['Bản sao CCCD rõ nét'] },
  { reason: 'Thiếu giấy tờ theo quy định', missingDocuments: ['Giấy tờ chứng minh nơi cư trú'] },
  { reason: 'Thông tin tờ khai chưa khớp giấy tờ', missingDocuments: ['Tờ khai đã sửa'] },
];

/** What the demo's feedback is about; all but the last are complaints (docs/feedback.md). */
const FEEDBACK_TOPICS: readonly { aspect: DemoHistoryFeedback['aspect']; subject: string; text: string }[] = [
  {
    aspect: 'lateness',
    subject: 'Hồ sơ trễ hẹn',
    text: 'Hồ sơ của tôi đã quá hạn trả kết quả mà chưa được thông báo lý do.',
  },
  {
    aspect: 'handling',
    subject: 'Yêu cầu bổ sung nhiều lần',
    text: 'Tôi bị yêu cầu bổ sung giấy tờ nhiều lần, mỗi lần một yêu cầu khác nhau.',
  },
  {
    aspect: 'reception',
    subject: 'Thái độ tiếp nhận',
    text: 'Cán bộ tiếp nhận hướng dẫn chưa rõ ràng, tôi phải đi lại nhiều lần.',
  },
  {
    aspect: 'other',
    subject: 'Đề nghị mở rộng dịch vụ trực tuyến',
    text: 'Đề nghị cho phép nộp toàn bộ giấy tờ trực tuyến để người dân đỡ phải đi lại.',
  },
];

interface Procedure extends ProcedureSeed {
  steps: readonly StepSeed[];
}

/** The history, one application a line, as NDJSON lines. */
export function* demoHistoryNdjson(options: DemoHistoryOptions): Generator<string> {
  for (const line of demoHistoryLines(options)) yield `${JSON.stringify(line)}\n`;
}

/** The history, one application each. */
export function* demoHistoryLines(options: DemoHistoryOptions): Generator<DemoHistoryLine> {
  const calendar = options.calendar ?? createVietnamWorkingCalendar();
  const random = seededRandom(options.seed);
  const nowMs = options.now.getTime();
  const today = calendar.localDateOf(options.now);
  const from = options.from ?? addDays(today, -365);
  const days = intakeDays(calendar, from, today);
  const procedures = DEMO_PROCEDURES.map((seed) => ({ ...seed, steps: DEMO_PROCESSES[seed.code] ?? [] }));
  // Documents and feedback draw from their own sequence, so the files' stories stay as they were.
  const story = new Story(calendar, random, nowMs, seededRandom(options.seed ^ 0x5eedf00d));
  const totalWeight = days.reduce((sum, day) => sum + day.weight, 0);
  let dayIndex = 0;
  let reached = days[0]!.weight;
  for (let index = 0; index < options.count; index += 1) {
    // Stratified: file i lands where the cumulative intake passes (i + u) / count of the year's.
    const target =
      ((options.ordered === false ? random() * options.count : index + random()) / options.count) *
      totalWeight;
    if (options.ordered === false) {
      dayIndex = 0;
      reached = days[0]!.weight;
    }
    while (reached < target && dayIndex < days.length - 1) {
      dayIndex += 1;
      reached += days[dayIndex]!.weight;
    }
    yield story.tell(index, pickWeighted(procedures, random), days[dayIndex]!);
  }
}

interface IntakeDay {
  date: string;
  working: boolean;
  weight: number;
}

/**
 * Each day's share of the year's files: fewer on weekends and far fewer on the Tết holidays, more in
 * the weeks before Tết and in spring, a little fewer in summer.
 */
function intakeDays(calendar: WorkingCalendar, from: string, to: string): IntakeDay[] {
  const days: IntakeDay[] = [];
  const tetDays: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = calendar.classifyDay(date);
    if (!day.working && /Tết/i.test(day.reason)) tetDays.push(date);
    days.push({ date, working: day.working, weight: day.working ? 1 : day.kind === 'weekend' ? 0.12 : 0.04 });
  }
  for (const day of days) {
    const month = Number(day.date.slice(5, 7));
    if (month >= 3 && month <= 5) day.weight *= 1.25;
    if (month >= 6 && month <= 8) day.weight *= 0.9;
    const beforeTet = tetDays.some((tet) => tet > day.date && tet <= addDays(day.date, 21));
    if (beforeTet && !tetDays.includes(day.date)) day.weight *= 1.6;
  }
  return days;
}

/** Tells one file's story on the calendar, cut at `now`. */
class Story {
  private readonly sequences = new Map<string, number>();
  private fullyOnlineReturns = 0;
  private fullyOnlineSlots = 0;

  /** Recent codes of files with documents, which a later file may reuse a document from. */
  private readonly reusable: string[] = [];

  public constructor(
    private readonly calendar: WorkingCalendar,
    private readonly random: () => number,
    private readonly nowMs: number,
    private readonly extra: () => number,
  ) {}

  public tell(index: number, procedure: Procedure, day: IntakeDay): DemoHistoryLine {
    const line = this.story(index, procedure, day);
    this.addDocuments(line, procedure);
    this.addResult(line);
    this.addFeedback(line);
    return line;
  }

  /**
   * A decided file whose result was signed digitally (most online files, some paper ones) says so on its
   * decision, so that it keeps its electronic result (the digitisation figures count it).
   */
  private addResult(line: DemoHistoryLine): void {
    if (!line.events.some((event) => event.type === 'sign' && event.channel === 'online')) return;
    const decision = line.events.find((event) => event.type === 'approve' || event.type === 'deny');
    if (decision) decision.result = { electronic: true };
  }

  /**
   * The documents on the submission or counter registration: online files upload them, a few reusing
   * one from an earlier file; most paper files have them scanned at the counter, the rest stay on paper.
   */
  private addDocuments(line: DemoHistoryLine, procedure: Procedure): void {
    const first = line.events.find((event) => event.type === 'submit' || event.type === 'register_counter');
    if (!first) return;
    const names = procedure.requiredDocuments.map((document) => document.name);
    if (first.type === 'register_counter') {
      if (this.extra() < 0.8) first.documents = names.map((name) => ({ name, origin: 'scanned' }));
    } else {
      first.documents = names.map((name): DemoHistoryDocument => {
        const source = this.reusable[Math.floor(this.extra() * this.reusable.length)];
        return source && this.extra() < 0.12
          ? { name, origin: 'reused', sourceCode: source }
          : { name, origin: 'uploaded' };
      });
    }
    if (first.documents) {
      this.reusable.push(line.code);
      if (this.reusable.length > 50) this.reusable.shift();
    }
  }

  /**
   * A few files in a hundred get feedback some days after they were filed: most of it complaints, most
   * answered within the ten working days, some late, some still open; about half the answers rated.
   */
  private addFeedback(line: DemoHistoryLine): void {
    const extra = this.extra;
    const submitted = line.events.find(
      (event) => event.type === 'submit' || event.type === 'register_counter',
    );
    if (!submitted || extra() >= 0.04) return;
    const filedAt = citizenTime(Date.parse(submitted.at) + (1 + extra() * 20) * DAY);
    if (filedAt > this.nowMs) return;
    const topic = FEEDBACK_TOPICS[Math.floor(extra() * FEEDBACK_TOPICS.length)]!;
    const feedback: DemoHistoryFeedback = {
      kind: extra() < 0.8 ? 'feedback' : 'petition',
      aspect: topic.aspect,
      at: localIso(filedAt),
      subject: topic.subject,
      text: topic.text,
    };
    // Ten working days are 80 office hours; one answer in five comes after them.
    const answeredAt = this.officeTimeAfter(filedAt, extra() < 0.2 ? 82 + extra() * 60 : 4 + extra() * 70);
    if (answeredAt <= this.nowMs) {
      feedback.answer = {
        at: localIso(answeredAt),
        text: 'Cơ quan đã tiếp nhận, kiểm tra và trả lời phản ánh của ông/bà.',
      };
      const ratedAt = citizenTime(answeredAt + (2 + extra() * 72) * HOUR);
      if (extra() < 0.55 && ratedAt <= this.nowMs)
        feedback.rating = { at: localIso(ratedAt), value: extra() < 0.75 ? 'satisfied' : 'not_satisfied' };
    }
    line.feedback = [feedback];
  }

  private story(index: number, procedure: Procedure, day: IntakeDay): DemoHistoryLine {
    const { random, calendar } = this;
    const chance = (p: number) => random() < p;
    const events: DemoHistoryEvent[] = [];
    let at = 0;
    const add = (type: string, channel: 'online' | 'offline', fields: Partial<DemoHistoryEvent> = {}) =>
      events.push({ type, at: localIso(at), channel, ...fields });
    /** Staff time: `hours` working hours later, inside office hours. */
    const work = (hours: number) => {
      at = this.officeTimeAfter(at, hours);
    };
    /** Citizen time: a few hours to days later, any hour between 06:00 and 23:00. */
    const citizen = (minHours: number, maxHours: number) => {
      at = citizenTime(at + (minHours + random() * (maxHours - minHours)) * HOUR);
    };
    const dayStart = Date.parse(`${day.date}T00:00:00+07:00`);
    const fullyOnlineAgency = procedure.agencyCode === DEMO_HISTORY_FULLY_ONLINE.agencyCode;
    const onlineProcedure = procedure.onlineLevel === 'full';
    // The fate decided up front: refused, withdrawn, or worked to its end (cut at `now` if later).
    const fate = random();
    const refused = fate < 0.03;
    const withdrawn = !refused && fate < 0.05;
    let fullyOnline = false;
    if (fullyOnlineAgency && !refused && !withdrawn) {
      // Error diffusion: exactly the share of these files, in any prefix of the year.
      this.fullyOnlineSlots += 1;
      fullyOnline =
        this.fullyOnlineReturns < Math.round(this.fullyOnlineSlots * DEMO_HISTORY_FULLY_ONLINE.share);
      if (fullyOnline) this.fullyOnlineReturns += 1;
    }
    // A paper file is registered in office hours; one that would be registered after `now` came online.
    const counterAt = this.officeTimeAfter(dayStart, random() * 7.5);
    const online =
      fullyOnline ||
      refused ||
      withdrawn ||
      !day.working ||
      counterAt > this.nowMs ||
      chance(onlineProcedure ? 0.72 : 0.45);
    const counterOffline = fullyOnlineAgency && !fullyOnline;
    const fee = procedure.feeVnd;
    let paid = fee === 0;
    const reference = () => `VNP${String(index).padStart(8, '0')}`;
    let receiving = procedure.agencyCode;
    if (online) {
      at = citizenTime(dayStart + (6 + random() * 17) * HOUR);
      if (at > this.nowMs) at = Math.floor((this.nowMs - random() * 6 * HOUR) / MINUTE) * MINUTE;
      if (!paid && procedure.feeDue === 'at_submission') {
        add('pay', 'online', { reference: reference() });
        paid = true;
        at += 2 * MINUTE;
      }
      add('submit', 'online');
      if (withdrawn && chance(0.4)) {
        citizen(1, 30);
        add('withdraw', 'online');
        return this.line(index, procedure, receiving, events, 0);
      }
      work(0.2 + random() * 6);
      if (refused) {
        add('refuse', 'online', { reason: 'Hồ sơ không thuộc thẩm quyền giải quyết' });
        return this.line(index, procedure, receiving, events, 0);
      }
      add('receive', 'online');
    } else {
      if (!fullyOnlineAgency && chance(0.15)) receiving = chance(0.5) ? 'QN-HL' : 'QN-HL-BC';
      at = counterAt;
      add('register_counter', 'offline');
      if (!paid) {
        work(5 / 60);
        add('pay', 'offline');
        paid = true;
      }
    }
    const receivedAt = at;
    const dueAt = calendar.addWorkingTime(new Date(receivedAt), procedure.processingHours).getTime();
    // One file in twelve overruns one of its steps; most of those send an apology letter first.
    const late = chance(1 / 12);
    const lateStep = 2 + Math.floor(random() * Math.max(procedure.steps.length - 2, 1));
    const steps = procedure.steps;
    const deciding =
      steps.length > 2 && steps[steps.length - 1]!.nameEn.startsWith('Return')
        ? steps.length - 1
        : steps.length;
    const supplements = chance(0.16) ? (chance(0.2) ? 2 : 1) : 0;
    const sendBack = deciding > 2 && chance(0.05);
    let withdrawAfter = withdrawn;
    for (let position = 1; position <= deciding; position += 1) {
      const step = steps[position - 1]!;
      let hours = step.budgetHours * (0.15 + random() * 0.75);
      if (late && position === lateStep) {
        const overrun = 8 + random() * procedure.processingHours * 0.5;
        hours = step.budgetHours + Math.max(0, this.hoursLeft(at, dueAt)) + overrun;
        work(Math.min(2, hours / 4));
        if (chance(0.7)) {
          const appointment = this.officeTimeAfter(at, hours + 8);
          add('extend', 'online', {
            reason: 'Hồ sơ cần xác minh thêm',
            appointmentAt: localIso(appointment),
          });
        }
        hours -= Math.min(2, hours / 4);
      }
      if (position === 2 && supplements > 0) {
        for (let round = 0; round < supplements; round += 1) {
          work(hours / 3);
          const missing = SUPPLEMENT_REASONS[Math.floor(random() * SUPPLEMENT_REASONS.length)]!;
          add('request_supplement', 'online', { ...missing });
          if (online) {
            citizen(4, 24 * (1 + random() * 9));
            add('supplement', 'online');
          } else {
            at = this.officeTimeAfter(at + (1 + random() * 9) * DAY, random() * 8);
            add('supplement', 'offline');
          }
        }
        if (withdrawAfter && chance(0.5)) {
          citizen(1, 48);
          add('withdraw', 'online');
          return this.line(index, procedure, receiving, events, receivedAt);
        }
      }
      work(hours);
      if (withdrawAfter && position === 2) {
        withdrawAfter = false;
        add('withdraw', 'online');
        return this.line(index, procedure, receiving, events, receivedAt);
      }
      if (sendBack && position === deciding) {
        const examination = steps[1]!;
        add('send_back', 'online', {
          reason: 'Đề nghị thẩm định lại',
          step: 2,
          stepName: examination.nameVi,
          stepAgencyCode: examination.holderAgencyCode ?? procedure.agencyCode,
          stepRole: examination.holderRole,
          stepDueAt: localIso(calendar.addWorkingTime(new Date(at), examination.budgetHours).getTime()),
        });
        work(steps[1]!.budgetHours * (0.1 + random() * 0.3));
        for (let back = 3; back <= position; back += 1) {
          add('forward', 'online');
          work(steps[back - 1]!.budgetHours * (0.1 + random() * 0.3));
        }
      }
      if (position < deciding) add('forward', 'online');
    }
    const denied = chance(0.04);
    add(denied ? 'deny' : 'approve', 'online', denied ? { reason: 'Không đủ điều kiện theo quy định' } : {});
    if (deciding < steps.length) {
      work(0.1 + random() * 0.5);
      add('forward', 'online');
    }
    const signedOnline = fullyOnline || (!counterOffline && (online ? chance(0.92) : chance(0.6)));
    work(0.05 + random() * 0.5);
    add('sign', signedOnline ? 'online' : 'offline');
    if (!paid) {
      // Online files pay through the gateway, a few at the counter; a counter file pays in cash.
      const payOnline = fullyOnline || (online && !counterOffline && chance(0.9));
      if (payOnline) {
        citizen(0.5, 48);
        add('pay', 'online', { reference: reference() });
      } else {
        work(1 + random() * 16);
        add('pay', 'offline');
      }
      paid = true;
    }
    const returnOnline =
      fullyOnline || (online && !counterOffline && onlineProcedure && signedOnline && chance(0.85));
    work(0.1 + random() * (returnOnline ? 1 : 16));
    add('return', returnOnline ? 'online' : 'offline');
    const line = this.line(index, procedure, receiving, events, receivedAt);
    if (line.events.length === events.length && chance(0.4)) line.rating = ratingOf(random());
    return line;
  }

  /** The working hours from `at` to `until`, negative when `until` is earlier. */
  private hoursLeft(at: number, until: number): number {
    return until > at
      ? this.calendar.workingTimeBetween(new Date(at), new Date(until))
      : -this.calendar.workingTimeBetween(new Date(until), new Date(at));
  }

  /** `hours` working hours after `at`, never on an interval's end (which is outside office hours). */
  private officeTimeAfter(at: number, hours: number): number {
    let next = this.calendar.addWorkingTime(new Date(at), Math.max(hours, 1 / 60));
    if (!this.calendar.isWithinOfficeHours(next)) next = this.calendar.addWorkingTime(next, 1 / 60);
    return Math.floor(next.getTime() / MINUTE) * MINUTE;
  }

  /** The line, with only the events that happened by `now`, and its receipt code. */
  private line(
    index: number,
    procedure: Procedure,
    receiving: string,
    all: DemoHistoryEvent[],
    receivedAt: number,
  ): DemoHistoryLine {
    const events = all.filter((event) => Date.parse(event.at) <= this.nowMs);
    const received = events.find((event) => event.type === 'receive' || event.type === 'register_counter');
    const codeAgency = received ? receiving : procedure.agencyCode;
    const date = localIso(received ? receivedAt : Date.parse(events[0]!.at))
      .slice(2, 10)
      .replace(/-/g, '');
    const key = `${codeAgency}-${date}`;
    const sequence = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, sequence);
    const person = index % 7 === 0 ? index - 7 * Math.floor(this.random() * 3) : index;
    const fullName = nameOf(Math.max(person, 0));
    return {
      code: `${key}-${String(sequence).padStart(4, '0')}`,
      procedureCode: procedure.code,
      receivingAgencyCode: receiving,
      applicant: {
        nationalId: `${DEMO_NATIONAL_ID_PREFIX}${String(Math.max(person, 0)).padStart(9, '0')}`,
        fullName,
      },
      formData: { fullName, note: 'Dữ liệu mẫu' },
      fee: { amount: procedure.feeVnd },
      events,
    };
  }
}

/** A synthetic name, the same for the same number. */
function nameOf(person: number): string {
  return `${FAMILY[person % FAMILY.length]} ${MIDDLE[Math.floor(person / 12) % MIDDLE.length]} ${GIVEN[Math.floor(person / 120) % GIVEN.length]}`;
}

/** Mostly satisfied citizens: 5 and 4 are common, 1 and 2 rare. */
function ratingOf(u: number): number {
  return u < 0.45 ? 5 : u < 0.8 ? 4 : u < 0.92 ? 3 : u < 0.97 ? 2 : 1;
}

/** A citizen acts between 06:00 and 23:00 local time: a later hour moves to 06:00 the next morning. */
function citizenTime(at: number): number {
  const local = (at + OFFSET) % DAY;
  const moved = local < 6 * HOUR ? at + 6 * HOUR - local : local >= 23 * HOUR ? at + 30 * HOUR - local : at;
  return Math.floor(moved / MINUTE) * MINUTE;
}

/** Local time to the minute with its offset, `2026-03-02T09:15:00+07:00`. */
const localIso = (instant: number) =>
  `${new Date(Math.floor(instant / MINUTE) * MINUTE + OFFSET).toISOString().slice(0, 19)}+07:00`;

function pickWeighted(procedures: readonly Procedure[], random: () => number): Procedure {
  const total = procedures.reduce((sum, procedure) => sum + (DEMAND[procedure.code] ?? 1), 0);
  let left = random() * total;
  for (const procedure of procedures) {
    left -= DEMAND[procedure.code] ?? 1;
    if (left < 0) return procedure;
  }
  return procedures[procedures.length - 1]!;
}

/** mulberry32: small, fast, and the same numbers for the same seed on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
