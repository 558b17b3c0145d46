/**
 * The computed criteria of the service index (docs/decision-766.md) straight from imported lines,
 * deliberately simply: each application's story is read once into plain facts, and each criterion is
 * a filter and a count over them. It shares no code with OneGate; its working time comes from a
 * CalendarWalk and its scoring from the shipped table written out here again.
 */
import type { CalendarWalk } from './calendar-walk';
import { shiftDate } from './calendar-walk';
import type { ImportLineJson } from './random-applications';

const HOUR = 3_600_000;
const WORKING_DAY = 8 * HOUR;

export interface IndexProcedureFacts {
  code: string;
  agencyCode: string;
  processingHours: number;
  supplementPolicy: 'pause' | 'restart';
  onlineLevel: 'full' | 'partial' | 'offline';
  feeVnd: number;
  retired: boolean;
}

export interface Story {
  code: string;
  agency: string;
  procedure: string;
  submitted: boolean;
  fee: number;
  events: { type: string; at: number; channel: string }[];
  receivedAt: number | null;
  decidedAt: number | null;
  returnedAt: number | null;
  withdrawnAt: number | null;
  onTime: boolean;
  turnaroundMs: number;
  rating: number | null;
  dueChanges: { at: number; dueAt: number }[];
}

/** A feedback item the test filed through the live API, as it stands (docs/feedback.md). */
export interface FeedbackFact {
  agency: string;
  /** The index in the imported lines of the file it is about; null when about no file. */
  line: number | null;
  aspect: string | null;
  filedAt: number;
  dueAt: number;
  answeredAt: number | null;
  rating: 'satisfied' | 'not_satisfied' | null;
}

/** The aspects that make feedback about a file a complaint. */
const COMPLAINTS = ['reception', 'handling', 'lateness'];

export interface Expected {
  numerator: number;
  denominator: number;
  /** 3c's synchronisation factor: 1d's rate (docs/decision-766.md). */
  factor?: number;
}

/** The shipped maxima and full-points rates of the computed criteria. */
export const SHIPPED_SCORING: Record<string, { max: number; fullAt: number; group: string }> = {
  '1d': { max: 6, fullAt: 1, group: '1' },
  '2a': { max: 20, fullAt: 1, group: '2' },
  '3a': { max: 4, fullAt: 0.8, group: '3' },
  '3b': { max: 2, fullAt: 1, group: '3' },
  '3c': { max: 6, fullAt: 0.5, group: '3' },
  '3d': { max: 4, fullAt: 0.8, group: '3' },
  '3e': { max: 6, fullAt: 1, group: '3' },
  '4a': { max: 6, fullAt: 1, group: '4' },
  '4b': { max: 4, fullAt: 0.8, group: '4' },
  '4c': { max: 2, fullAt: 0.8, group: '4' },
  '5a': { max: 6, fullAt: 1, group: '5' },
  '5b': { max: 6, fullAt: 1, group: '5' },
  '5c': { max: 6, fullAt: 0.9, group: '5' },
};

export class ServiceIndexByHand {
  private readonly stories: Story[];
  private readonly feedback: FeedbackFact[] = [];

  public constructor(
    lines: readonly ImportLineJson[],
    private readonly procedures: readonly IndexProcedureFacts[],
    private readonly agencies: readonly { code: string; parentCode: string | null }[],
    private readonly calendar: CalendarWalk,
  ) {
    this.stories = lines.map((line) => this.storyOf(line));
  }

  public addFeedback(fact: FeedbackFact): void {
    this.feedback.push(fact);
  }

  /** Numerator and denominator of each computed, scored criterion for a unit (null: every agency). */
  public criteria(
    from: string,
    to: string,
    agency: string | null,
    now = Date.now(),
  ): Record<string, Expected> {
    const unit = agency ? this.subtree(agency) : null;
    const procedures = this.procedures.filter(
      (procedure) => !procedure.retired && (!unit || unit.has(procedure.agencyCode)),
    );
    const inPeriod = (at: number | null) =>
      at !== null && this.calendar.dateOf(at) >= from && this.calendar.dateOf(at) <= to;
    const end = this.calendar.startOf(shiftDate(to, 1));
    const lists = this.fileLists(from, to, agency);
    const count = (id: string): Expected => ({
      numerator: lists[`index.${id}.numerator`]!.length,
      denominator: lists[`index.${id}.denominator`]!.length,
    });
    const received = lists['index.3c.denominator']!;
    const returned = lists['index.5c.denominator']!;
    const onlineServices = procedures.filter((procedure) => procedure.onlineLevel !== 'offline');
    const usedOnline = new Set(received.filter((story) => story.submitted).map((story) => story.procedure));
    const withFee = procedures.filter((procedure) => procedure.feeVnd > 0);
    const feedback = this.feedback.filter((fact) => (!unit || unit.has(fact.agency)) && inPeriod(fact.dueAt));
    const onTimeFeedback = feedback.filter(
      (fact) => fact.answeredAt !== null && fact.answeredAt <= fact.dueAt,
    );
    const unhappyFeedback = feedback.filter(
      (fact) =>
        (fact.answeredAt !== null && fact.answeredAt > fact.dueAt) ||
        (fact.answeredAt === null && now > fact.dueAt) ||
        fact.rating === 'not_satisfied',
    );
    const complained = new Set(
      this.feedback
        .filter((fact) => fact.line !== null && COMPLAINTS.includes(fact.aspect ?? '') && fact.filedAt < end)
        .map((fact) => this.stories[fact.line!]!),
    );
    return {
      '2a': count('2a'),
      '3a': { numerator: onlineServices.length, denominator: procedures.length },
      '3b': {
        numerator: onlineServices.filter((procedure) => usedOnline.has(procedure.code)).length,
        denominator: onlineServices.length,
      },
      // Imported files were never sent by OneGate: 1d has no file, and 3c stands without its factor.
      '1d': { numerator: 0, denominator: 0 },
      '3c': { ...count('3c'), factor: 1 },
      '3d': {
        numerator: withFee.filter((procedure) => procedure.onlineLevel !== 'offline').length,
        denominator: withFee.length,
      },
      '3e': count('3e'),
      '4a': count('4a'),
      '4b': count('4b'),
      '4c': count('4c'),
      '5a': { numerator: onTimeFeedback.length, denominator: feedback.length },
      '5b': { numerator: feedback.length - unhappyFeedback.length, denominator: feedback.length },
      '5c': {
        numerator: returned.filter(
          (story) => (story.rating === null || story.rating > 2) && !complained.has(story),
        ).length,
        denominator: returned.length,
      },
    };
  }

  /**
   * The files each numerator and denominator of the index counts, by receipt code, as the drill-down
   * figures name them (`index.2a.numerator`…): the lists behind 2a, 2b, 3c, 3e, 4a to 4c and 5c.
   */
  public fileLists(from: string, to: string, agency: string | null): Record<string, Story[]> {
    const unit = agency ? this.subtree(agency) : null;
    const mine = this.stories.filter((story) => !unit || unit.has(story.agency));
    const inPeriod = (at: number | null) =>
      at !== null && this.calendar.dateOf(at) >= from && this.calendar.dateOf(at) <= to;
    const end = this.calendar.startOf(shiftDate(to, 1));
    const before = (at: number | null) => at !== null && at < end;
    const requests = (story: Story, until = Infinity) =>
      story.events.filter((event) => event.type === 'request_supplement' && event.at < until).length;
    const hasOnline = (story: Story, type: string) =>
      story.events.some((event) => event.type === type && event.channel === 'online');

    const decided = mine.filter((story) => inPeriod(story.decidedAt));
    const open = mine.filter(
      (story) => before(story.receivedAt) && !before(story.decidedAt) && !before(story.withdrawnAt),
    );
    const lateOpen = new Set(
      open.filter((story) => {
        if (requests(story, end) >= 2) return true;
        const last = story.events
          .filter(
            (event) => event.at < end && (event.type === 'request_supplement' || event.type === 'supplement'),
          )
          .at(-1);
        if (last?.type === 'request_supplement') return false;
        return story.dueChanges.filter((change) => change.at < end).at(-1)!.dueAt < end;
      }),
    );
    const received = mine.filter((story) => inPeriod(story.receivedAt));
    const feeBearing = received.filter((story) => story.fee > 0);
    return {
      'index.2a.numerator': [
        ...decided.filter((story) => story.onTime && requests(story) <= 1),
        ...open.filter((story) => !lateOpen.has(story)),
      ],
      'index.2a.denominator': [...decided, ...open],
      'index.2b.denominator': decided,
      'index.3c.numerator': received.filter((story) => story.submitted),
      'index.3c.denominator': received,
      'index.3e.numerator': feeBearing.filter((story) => hasOnline(story, 'pay')),
      'index.3e.denominator': feeBearing,
      'index.4a.numerator': decided.filter((story) => hasOnline(story, 'sign')),
      'index.4a.denominator': decided,
      // Imported files carry no documents: none is digitised or reused, over the files received.
      'index.4b.numerator': [],
      'index.4b.denominator': received,
      'index.4c.numerator': [],
      'index.4c.denominator': received,
      'index.5c.denominator': mine.filter((story) => inPeriod(story.returnedAt)),
    };
  }

  /** 2b: per procedure code, the files decided in the period and their mean working days. */
  public resolution(
    from: string,
    to: string,
    agency: string | null,
  ): Map<string, { decided: number; meanDays: number }> {
    const unit = agency ? this.subtree(agency) : null;
    const result = new Map<string, { decided: number; totalMs: number }>();
    for (const story of this.stories) {
      if (unit && !unit.has(story.agency)) continue;
      if (story.decidedAt === null) continue;
      const date = this.calendar.dateOf(story.decidedAt);
      if (date < from || date > to) continue;
      const entry = result.get(story.procedure) ?? { decided: 0, totalMs: 0 };
      entry.decided += 1;
      entry.totalMs += story.turnaroundMs;
      result.set(story.procedure, entry);
    }
    return new Map(
      [...result].map(([code, entry]) => [
        code,
        { decided: entry.decided, meanDays: entry.totalMs / entry.decided / WORKING_DAY },
      ]),
    );
  }

  /** The total: each computed criterion with a denominator scored by the shipped table. */
  public total(from: string, to: string, agency: string | null): number {
    let total = 0;
    for (const [id, { numerator, denominator, factor }] of Object.entries(this.criteria(from, to, agency))) {
      if (denominator === 0) continue;
      const { max, fullAt } = SHIPPED_SCORING[id]!;
      const rate = (numerator / denominator) * (factor ?? 1);
      total += Math.min(max, Math.round((rate >= fullAt ? max : (rate * max) / fullAt) * 100) / 100);
    }
    return Math.round(total * 100) / 100;
  }

  public childrenOf(code: string): string[] {
    return this.agencies.filter((agency) => agency.parentCode === code).map((agency) => agency.code);
  }

  private subtree(code: string): Set<string> {
    const codes = new Set([code]);
    for (let grew = true; grew;) {
      grew = false;
      for (const agency of this.agencies) {
        if (agency.parentCode && codes.has(agency.parentCode) && !codes.has(agency.code)) {
          codes.add(agency.code);
          grew = true;
        }
      }
    }
    return codes;
  }

  private storyOf(line: ImportLineJson): Story {
    const procedure = this.procedures.find((candidate) => candidate.code === line.procedureCode)!;
    const processingMs = procedure.processingHours * HOUR;
    const events = line.events.map((event) => ({
      type: event.type,
      at: Date.parse(event.at),
      channel: event.channel,
    }));
    const story: Story = {
      code: line.code,
      agency: procedure.agencyCode,
      procedure: procedure.code,
      submitted: events.some((event) => event.type === 'submit'),
      fee: line.fee.amount,
      events,
      receivedAt: null,
      decidedAt: null,
      returnedAt: null,
      withdrawnAt: null,
      onTime: false,
      turnaroundMs: 0,
      rating: line.rating ?? null,
      dueChanges: [],
    };
    let dueAt = 0;
    let pausedMs = 0;
    let askedAt = 0;
    for (const event of events) {
      if (event.type === 'receive' || event.type === 'register_counter') {
        story.receivedAt = event.at;
        dueAt = this.calendar.addWorkingTime(event.at, processingMs);
        story.dueChanges.push({ at: event.at, dueAt });
      } else if (event.type === 'request_supplement') {
        askedAt = event.at;
      } else if (event.type === 'supplement') {
        const paused = this.calendar.workingTimeBetween(askedAt, event.at);
        pausedMs += paused;
        dueAt =
          procedure.supplementPolicy === 'pause'
            ? this.calendar.addWorkingTime(dueAt, paused)
            : this.calendar.addWorkingTime(event.at, processingMs);
        story.dueChanges.push({ at: event.at, dueAt });
      } else if (event.type === 'approve' || event.type === 'deny') {
        story.decidedAt = event.at;
        story.onTime = event.at <= dueAt;
        story.turnaroundMs = this.calendar.workingTimeBetween(story.receivedAt!, event.at) - pausedMs;
      } else if (event.type === 'return') {
        story.returnedAt = event.at;
      } else if (event.type === 'withdraw') {
        story.withdrawnAt = event.at;
      }
    }
    return story;
  }
}
