/**
 * The report figures of docs/metrics.md computed straight from imported lines, deliberately simply: each
 * application's story is read once into plain facts, and each figure is a filter and a count over
 * them. It shares no code with OneGate; its working time comes from a CalendarWalk.
 */
import type { CalendarWalk } from './calendar-walk';
import { shiftDate } from './calendar-walk';
import type { CatalogueFacts, Channel, ImportLineJson } from './random-applications';

const HOUR = 3_600_000;
const WORKING_DAY = 8 * HOUR;

interface Facts {
  agency: string;
  procedure: string;
  field: string;
  channel: Channel;
  events: { type: string; at: number; channel: Channel }[];
  receivedAt: number | null;
  decidedAt: number | null;
  returnedAt: number | null;
  refusedAt: number | null;
  withdrawnAt: number | null;
  onTime: boolean;
  extended: boolean;
  turnaroundDays: number | null;
  fullyOnline: boolean;
  rating: number | null;
  /** The due time after each event that set it: reception and supplements. */
  dueChanges: { at: number; dueAt: number }[];
  /** The step stretch from a reception with step fields to the file's close, once it closed. */
  stretch: { endedAt: number; workingMs: number; lateMs: number | null; transfer: boolean } | null;
}

/** A breakdown group's step figures (docs/metrics.md, "Breakdowns"): hours rounded to 2 decimals. */
export interface StepFiguresByHand {
  stretches: number;
  hours: number;
  late: number;
  latenessHours: number;
  atOtherAgenciesHours: number;
}

export type BreakdownFigures = { key: string; steps: StepFiguresByHand | null } & Figures;

export interface Figures {
  received: number;
  onlineSubmitted: number;
  onlineSubmissionRate: number | null;
  decided: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  extended: number;
  returned: number;
  fullyOnline: number;
  fullyOnlineShare: number | null;
  refused: number;
  withdrawn: number;
  backlog: number;
  overdueBacklog: number;
  turnaroundDays: { mean: number | null; p50: number | null; p90: number | null };
  satisfaction: { count: number; mean: number | null; satisfiedShare: number | null };
}

export interface Filter {
  from: string;
  to: string;
  agency?: string;
  procedure?: string;
}

export type Grouping = 'agency' | 'procedure' | 'field' | 'month' | 'channel';

export class FiguresByHand {
  private readonly facts: Facts[];

  public constructor(
    lines: readonly ImportLineJson[],
    private readonly catalogue: CatalogueFacts,
    private readonly calendar: CalendarWalk,
  ) {
    this.facts = lines.map((line) => this.factsOf(line));
  }

  public summary(filter: Filter): Figures {
    return this.figures(this.select(filter), filter.from, filter.to);
  }

  public breakdown(filter: Filter, grouping: Grouping): BreakdownFigures[] {
    const selected = this.select(filter);
    if (grouping === 'month') {
      const groups: BreakdownFigures[] = [];
      for (let month = filter.from.slice(0, 7); month <= filter.to.slice(0, 7); month = nextMonth(month)) {
        const from = maxText(`${month}-01`, filter.from);
        const to = minText(shiftDate(`${nextMonth(month)}-01`, -1), filter.to);
        groups.push({
          key: month,
          ...this.figures(selected, from, to),
          steps: this.steps(selected, from, to),
        });
      }
      return groups;
    }
    if (grouping === 'channel') {
      // The step rollups have no channel: no step figures by channel.
      return (['online', 'offline'] as const).map((channel) => ({
        key: channel,
        steps: null,
        ...this.figures(
          selected.filter((facts) => facts.channel === channel),
          filter.from,
          filter.to,
        ),
      }));
    }
    const keys = [...new Set(selected.map((facts) => facts[grouping]))].sort((a, b) => (a < b ? -1 : 1));
    return keys
      .map((key) => {
        const inGroup = selected.filter((facts) => facts[grouping] === key);
        return {
          key,
          ...this.figures(inGroup, filter.from, filter.to),
          steps: this.steps(inGroup, filter.from, filter.to),
        };
      })
      .filter(
        (group) =>
          group.received + group.decided + group.returned + group.refused + group.withdrawn + group.backlog >
          0,
      );
  }

  /** The stretches that ended in `[from, to]`, each counted on the local date of its end. */
  private steps(selected: readonly Facts[], from: string, to: string): StepFiguresByHand {
    const ended = selected.flatMap((facts) => {
      const date = facts.stretch ? this.calendar.dateOf(facts.stretch.endedAt) : null;
      return date !== null && date >= from && date <= to ? [facts.stretch!] : [];
    });
    const late = ended.filter((stretch) => stretch.lateMs !== null);
    const hours = (ms: number) => Math.round((ms / HOUR) * 100) / 100;
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    return {
      stretches: ended.length,
      hours: hours(sum(ended.map((stretch) => stretch.workingMs))),
      late: late.length,
      latenessHours: hours(sum(late.map((stretch) => stretch.lateMs!))),
      atOtherAgenciesHours: hours(
        sum(ended.filter((stretch) => stretch.transfer).map((stretch) => stretch.workingMs)),
      ),
    };
  }

  private select(filter: Filter): Facts[] {
    const agencies = filter.agency ? this.subtree(filter.agency) : null;
    return this.facts.filter(
      (facts) =>
        (!agencies || agencies.has(facts.agency)) &&
        (!filter.procedure || facts.procedure === filter.procedure),
    );
  }

  private subtree(code: string): Set<string> {
    const codes = new Set([code]);
    for (let grew = true; grew;) {
      grew = false;
      for (const agency of this.catalogue.agencies) {
        if (agency.parentCode && codes.has(agency.parentCode) && !codes.has(agency.code)) {
          codes.add(agency.code);
          grew = true;
        }
      }
    }
    return codes;
  }

  private figures(selected: readonly Facts[], from: string, to: string): Figures {
    const inPeriod = (at: number | null) =>
      at !== null && this.calendar.dateOf(at) >= from && this.calendar.dateOf(at) <= to;
    const received = selected.filter((facts) => inPeriod(facts.receivedAt));
    const decided = selected.filter((facts) => inPeriod(facts.decidedAt));
    const returned = selected.filter((facts) => inPeriod(facts.returnedAt));
    const rated = returned.filter((facts) => facts.rating !== null);
    const end = this.calendar.startOf(shiftDate(to, 1));
    const before = (at: number | null) => at !== null && at < end;
    const backlog = selected.filter(
      (facts) => before(facts.receivedAt) && !before(facts.decidedAt) && !before(facts.withdrawnAt),
    );
    const overdue = backlog.filter((facts) => {
      const happened = facts.events.filter((event) => event.at < end);
      const lastSupplementStep = happened
        .filter((event) => event.type === 'request_supplement' || event.type === 'supplement')
        .at(-1);
      if (lastSupplementStep?.type === 'request_supplement') return false;
      const dueThen = facts.dueChanges.filter((change) => change.at < end).at(-1)!.dueAt;
      return dueThen < end;
    });
    const onTime = decided.filter((facts) => facts.onTime).length;
    const turnarounds = decided.map((facts) => facts.turnaroundDays!).sort((a, b) => a - b);
    const fullyOnline = returned.filter((facts) => facts.fullyOnline).length;
    const onlineSubmitted = received.filter((facts) => facts.channel === 'online').length;
    const scores = rated.map((facts) => facts.rating!);
    return {
      received: received.length,
      onlineSubmitted,
      onlineSubmissionRate: ratio(onlineSubmitted, received.length),
      decided: decided.length,
      onTime,
      late: decided.length - onTime,
      onTimeRate: ratio(onTime, decided.length),
      extended: decided.filter((facts) => facts.extended).length,
      returned: returned.length,
      fullyOnline,
      fullyOnlineShare: ratio(fullyOnline, returned.length),
      refused: selected.filter((facts) => inPeriod(facts.refusedAt)).length,
      withdrawn: selected.filter((facts) => inPeriod(facts.withdrawnAt)).length,
      backlog: backlog.length,
      overdueBacklog: overdue.length,
      turnaroundDays: {
        mean:
          turnarounds.length === 0
            ? null
            : turnarounds.reduce((sum, days) => sum + days, 0) / turnarounds.length,
        p50: nearestRank(turnarounds, 50),
        p90: nearestRank(turnarounds, 90),
      },
      satisfaction: {
        count: scores.length,
        mean: scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length,
        satisfiedShare: ratio(scores.filter((score) => score >= 4).length, scores.length),
      },
    };
  }

  private factsOf(line: ImportLineJson): Facts {
    const procedure = this.catalogue.procedures.find((candidate) => candidate.code === line.procedureCode)!;
    const processingMs = procedure.processingHours * HOUR;
    const events = line.events.map((event) => ({ ...event, at: Date.parse(event.at) }));
    const facts: Facts = {
      agency: procedure.agencyCode,
      procedure: procedure.code,
      field: procedure.field,
      channel: events.some((event) => event.type === 'submit') ? 'online' : 'offline',
      events,
      receivedAt: null,
      decidedAt: null,
      returnedAt: null,
      refusedAt: null,
      withdrawnAt: null,
      onTime: false,
      extended: false,
      turnaroundDays: null,
      fullyOnline: false,
      rating: line.rating ?? null,
      dueChanges: [],
      stretch: null,
    };
    // The step entered at reception, with the fields the line gives (none: no stretch here).
    let step: { start: number; dueAt: number; pausedMs: number; transfer: boolean } | null = null;
    let waitingSince: number | null = null;
    const stopWaiting = (at: number) => {
      if (!step || waitingSince === null) return;
      const waited = this.calendar.workingTimeBetween(waitingSince, at);
      step.pausedMs += waited;
      step.dueAt = this.calendar.addWorkingTime(step.dueAt, waited);
      waitingSince = null;
    };
    const close = (at: number) => {
      if (!step) return;
      stopWaiting(at);
      facts.stretch = {
        endedAt: at,
        workingMs: this.calendar.workingTimeBetween(step.start, at) - step.pausedMs,
        lateMs: at > step.dueAt ? this.calendar.workingTimeBetween(step.dueAt, at) : null,
        transfer: step.transfer,
      };
      step = null;
    };
    for (const event of line.events) {
      if ((event.type === 'receive' || event.type === 'register_counter') && event.stepDueAt) {
        step = {
          start: Date.parse(event.at),
          dueAt: Date.parse(event.stepDueAt as string),
          pausedMs: 0,
          transfer: event.stepAgencyCode !== procedure.agencyCode,
        };
      } else if (event.type === 'request_supplement' && step) {
        waitingSince = Date.parse(event.at);
      } else if (event.type === 'supplement' && step) {
        stopWaiting(Date.parse(event.at));
        if (event.stepDueAt) step.dueAt = Date.parse(event.stepDueAt as string);
      } else if (['return', 'refuse', 'withdraw'].includes(event.type)) {
        close(Date.parse(event.at));
      }
    }
    let dueAt = 0;
    let pausedMs = 0;
    let askedAt = 0;
    for (const event of events) {
      switch (event.type) {
        case 'receive':
        case 'register_counter':
          facts.receivedAt = event.at;
          dueAt = this.calendar.addWorkingTime(event.at, processingMs);
          facts.dueChanges.push({ at: event.at, dueAt });
          break;
        case 'request_supplement':
          askedAt = event.at;
          break;
        case 'supplement': {
          const paused = this.calendar.workingTimeBetween(askedAt, event.at);
          pausedMs += paused;
          dueAt =
            procedure.supplementPolicy === 'pause'
              ? this.calendar.addWorkingTime(dueAt, paused)
              : this.calendar.addWorkingTime(event.at, processingMs);
          facts.dueChanges.push({ at: event.at, dueAt });
          break;
        }
        case 'extend':
          facts.extended = true;
          break;
        case 'approve':
        case 'deny':
          facts.decidedAt = event.at;
          facts.onTime = event.at <= dueAt;
          facts.turnaroundDays =
            (this.calendar.workingTimeBetween(facts.receivedAt!, event.at) - pausedMs) / WORKING_DAY;
          break;
        case 'return':
          facts.returnedAt = event.at;
          break;
        case 'refuse':
          facts.refusedAt = event.at;
          break;
        case 'withdraw':
          facts.withdrawnAt = event.at;
          break;
      }
    }
    const has = (type: string) => events.some((event) => event.type === type && event.channel === 'online');
    facts.fullyOnline =
      facts.returnedAt !== null &&
      has('submit') &&
      (line.fee.amount === 0 || has('pay')) &&
      events.every((event) => event.channel === 'online') &&
      has('sign') &&
      has('return');
    return facts;
  }
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function nearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(1, Math.ceil((percent / 100) * sorted.length)) - 1]!;
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

const maxText = (a: string, b: string) => (a > b ? a : b);
const minText = (a: string, b: string) => (a < b ? a : b);
