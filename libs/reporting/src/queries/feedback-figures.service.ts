import { Injectable } from '@nestjs/common';

import { addDays } from '@onegate/domain';
import { AgencyRepository, COMPLAINT_ASPECTS, FeedbackRepository } from '@onegate/persistence';
import type { Feedback } from '@onegate/persistence';

import { LocalDays } from '../figures/local-days';

/** The feedback figures of a period for the Decision 766 index (docs/metrics.md, "Feedback"). */
export interface FeedbackFigures {
  /** Feedback in the remit: its due date (local, of its agency) falls in the period. */
  feedback: number;
  /** Of `feedback`, answered on or before its due time. */
  handledOnTime: number;
  /** Of `feedback`, answered after its due time. */
  handledLate: number;
  /** Of `feedback`, still unanswered and past its due time when the figures are read. */
  unansweredOverdue: number;
  /** Of `feedback`, whose author rated the answer not satisfied. */
  ratedNotSatisfied: number;
  /** Of `feedback`, rated not satisfied, or answered late, or unanswered past its due time: each once. */
  notSatisfiedOrLate: number;
  /** Files with a complaint (reception, handling or lateness) among `feedback`, each file once. */
  filesWithComplaint: number;
  /** 5a: `handledOnTime / feedback`; null without feedback. */
  onTimeRate: number | null;
  /** 5b: `(feedback - notSatisfiedOrLate) / feedback`; null without feedback. */
  satisfiedRate: number | null;
}

/** A period of local dates `[from, to]` over an agency subtree (null: every agency). */
export interface FeedbackQuery {
  from: string;
  to: string;
  agencyIds: readonly string[] | null;
}

/** One feedback item as the figures read it. */
export type FeedbackRow = Pick<
  Feedback,
  'id' | 'agencyId' | 'applicationId' | 'aspect' | 'dueAt' | 'answeredAt' | 'rating'
>;

/** The figures of the feedback in the remit of a period (rows already chosen by local due date). */
export function feedbackFiguresOf(counted: readonly FeedbackRow[], now: Date): FeedbackFigures {
  const onTime = counted.filter((row) => row.answeredAt && row.answeredAt <= row.dueAt);
  const late = counted.filter((row) => row.answeredAt && row.answeredAt > row.dueAt);
  const unanswered = counted.filter((row) => !row.answeredAt && now > row.dueAt);
  const notSatisfied = counted.filter((row) => row.rating === 'not_satisfied');
  const bad = new Set([...late, ...unanswered, ...notSatisfied].map((row) => row.id));
  const complaints = new Set(
    counted
      .filter((row) => row.applicationId && row.aspect && COMPLAINT_ASPECTS.includes(row.aspect))
      .map((row) => row.applicationId),
  );
  const total = counted.length;
  return {
    feedback: total,
    handledOnTime: onTime.length,
    handledLate: late.length,
    unansweredOverdue: unanswered.length,
    ratedNotSatisfied: notSatisfied.length,
    notSatisfiedOrLate: bad.size,
    filesWithComplaint: complaints.size,
    onTimeRate: total === 0 ? null : onTime.length / total,
    satisfiedRate: total === 0 ? null : (total - bad.size) / total,
  };
}

@Injectable()
export class FeedbackFiguresService {
  public constructor(
    private readonly feedback: FeedbackRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  public async figures(query: FeedbackQuery, now: Date): Promise<FeedbackFigures> {
    return feedbackFiguresOf(await this.dueIn(query), now);
  }

  /** The feedback of the agencies whose due date, local to its agency, falls in the period. */
  public async dueIn(query: FeedbackQuery): Promise<FeedbackRow[]> {
    // Every time zone is within a day of UTC: read a day more on each side, then keep the local dates.
    const rows = await this.feedback.dueBetween(
      query.agencyIds,
      new Date(Date.parse(`${addDays(query.from, -1)}T00:00:00Z`)),
      new Date(Date.parse(`${addDays(query.to, 2)}T00:00:00Z`)),
    );
    const zones = new Map(
      (await this.agencies.findByIds([...new Set(rows.map((row) => row.agencyId))])).map((agency) => [
        agency.id,
        agency.timeZone,
      ]),
    );
    return rows.filter((row) => {
      const date = LocalDays.of(zones.get(row.agencyId)!).dateOf(row.dueAt.getTime());
      return date >= query.from && date <= query.to;
    });
  }
}
