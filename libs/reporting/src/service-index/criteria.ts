import type { Counters } from '../figures/report-counters';
import type { DigitisationFigures } from '../queries/digitisation';
import type { FeedbackFigures } from '../queries/feedback-figures.service';

export const GROUP_IDS = ['1', '2', '3', '4', '5'] as const;
export type GroupId = (typeof GROUP_IDS)[number];

export const CRITERION_IDS = [
  '1a',
  '1b',
  '1c',
  '1d',
  '2a',
  '2b',
  '3a',
  '3b',
  '3c',
  '3d',
  '3e',
  '4a',
  '4b',
  '4c',
  '5a',
  '5b',
  '5c',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

/** Why a criterion is not computed here: the data OneGate does not hold yet. */
export type MissingData = 'publication_dates';

/** Where a computed criterion's figures come from. */
export type CriterionSource = 'rollups' | 'catalogue' | 'documents' | 'feedback' | 'portal';

/** A procedure of the unit, as the catalogue criteria read it. */
export interface IndexProcedure {
  readonly id: string;
  readonly onlineLevel: 'full' | 'partial' | 'offline';
  readonly feeVnd: number;
}

/**
 * What the criteria of one unit (an agency and the agencies below it) and one period are computed
 * from: the rollups' counters over the period, the open files at its end, and the unit's procedures.
 */
export interface IndexInputs {
  readonly counters: Counters;
  readonly onlineReceived: number;
  /** Open files at the end of the period, and those of them late by the index's rule. */
  readonly backlog: number;
  readonly lateOpen: number;
  /** The unit's procedures in the catalogue (not retired). */
  readonly procedures: readonly IndexProcedure[];
  /** Procedures with at least one file received online in the period. */
  readonly proceduresReceivedOnline: ReadonlySet<string>;
  /** The digitisation figures of the files received in the period (docs/metrics.md, "Digitisation"). */
  readonly digitisation: Pick<DigitisationFigures, 'files' | 'digitised' | 'reused'>;
  /** The feedback figures of the period (docs/metrics.md, "Feedback"). */
  readonly feedback: Pick<FeedbackFigures, 'feedback' | 'handledOnTime' | 'notSatisfiedOrLate'>;
  /**
   * Files returned in the period, not rated 1 or 2, with a complaint about them filed by the period's
   * end: 5c's not satisfied besides the ratings (docs/decision-766.md, "5c, not satisfied").
   */
  readonly returnedWithComplaint: number;
  /**
   * Of the files received in the period, those OneGate sent to the national portal (1d's denominator)
   * and those whose every status change it has accepted (1d's numerator) (docs/decision-766.md, "1d,
   * synchronised").
   */
  readonly sentToPortal: number;
  readonly synchronised: number;
}

export interface Measure {
  readonly numerator: number;
  readonly denominator: number;
  /** A factor the rate is multiplied by (3c's synchronisation factor, 1d's rate); 1 when absent. */
  readonly factor?: number;
}

/** 1d's rate, 3c's factor: 1 while no file of the period was sent (all imported, or none received). */
const synchronisedShare = ({ sentToPortal, synchronised }: IndexInputs): number =>
  sentToPortal === 0 ? 1 : synchronised / sentToPortal;

/**
 * One criterion of the index: its group, whether it is scored, and where its figures come from. A
 * criterion OneGate cannot compute yet names the data it lacks (`missing`); giving it a `measure`
 * (and a source) later is all it takes to compute it (docs/decision-766.md, "Adding a criterion").
 */
export type CriterionDefinition = {
  readonly id: CriterionId;
  readonly group: GroupId;
  readonly scored: boolean;
} & (
  | { readonly source: CriterionSource; readonly measure: (inputs: IndexInputs) => Measure }
  | { readonly source: null; readonly missing: MissingData }
);

const onlineLevels = new Set(['full', 'partial']);
const online = (procedure: IndexProcedure) => onlineLevels.has(procedure.onlineLevel);

/** The criteria of docs/decision-766.md, "The criteria", in their order. */
export const CRITERIA: readonly CriterionDefinition[] = [
  { id: '1a', group: '1', scored: true, source: null, missing: 'publication_dates' },
  { id: '1b', group: '1', scored: true, source: null, missing: 'publication_dates' },
  { id: '1c', group: '1', scored: true, source: null, missing: 'publication_dates' },
  {
    id: '1d',
    group: '1',
    scored: true,
    source: 'portal',
    measure: ({ sentToPortal, synchronised }) => ({ numerator: synchronised, denominator: sentToPortal }),
  },
  {
    id: '2a',
    group: '2',
    scored: true,
    source: 'rollups',
    measure: ({ counters, backlog, lateOpen }) => ({
      numerator: counters.indexOnTime + backlog - lateOpen,
      denominator: counters.decided + backlog,
    }),
  },
  {
    id: '2b',
    group: '2',
    scored: false,
    source: 'rollups',
    measure: ({ counters }) => ({ numerator: counters.turnaroundMs, denominator: counters.decided }),
  },
  {
    id: '3a',
    group: '3',
    scored: true,
    source: 'catalogue',
    measure: ({ procedures }) => ({
      numerator: procedures.filter(online).length,
      denominator: procedures.length,
    }),
  },
  {
    id: '3b',
    group: '3',
    scored: true,
    source: 'rollups',
    measure: ({ procedures, proceduresReceivedOnline }) => {
      const services = procedures.filter(online);
      return {
        numerator: services.filter((procedure) => proceduresReceivedOnline.has(procedure.id)).length,
        denominator: services.length,
      };
    },
  },
  {
    id: '3c',
    group: '3',
    scored: true,
    source: 'rollups',
    measure: (inputs) => ({
      numerator: inputs.onlineReceived,
      denominator: inputs.counters.received,
      factor: synchronisedShare(inputs),
    }),
  },
  {
    id: '3d',
    group: '3',
    scored: true,
    source: 'catalogue',
    measure: ({ procedures }) => {
      const withFee = procedures.filter((procedure) => procedure.feeVnd > 0);
      return { numerator: withFee.filter(online).length, denominator: withFee.length };
    },
  },
  {
    id: '3e',
    group: '3',
    scored: true,
    source: 'rollups',
    measure: ({ counters }) => ({ numerator: counters.paidOnline, denominator: counters.feeBearing }),
  },
  {
    id: '4a',
    group: '4',
    scored: true,
    source: 'rollups',
    measure: ({ counters }) => ({ numerator: counters.signedOnline, denominator: counters.decided }),
  },
  {
    id: '4b',
    group: '4',
    scored: true,
    source: 'documents',
    measure: ({ digitisation }) => ({ numerator: digitisation.digitised, denominator: digitisation.files }),
  },
  {
    id: '4c',
    group: '4',
    scored: true,
    source: 'documents',
    measure: ({ digitisation }) => ({ numerator: digitisation.reused, denominator: digitisation.files }),
  },
  {
    id: '5a',
    group: '5',
    scored: true,
    source: 'feedback',
    measure: ({ feedback }) => ({ numerator: feedback.handledOnTime, denominator: feedback.feedback }),
  },
  {
    id: '5b',
    group: '5',
    scored: true,
    source: 'feedback',
    measure: ({ feedback }) => ({
      numerator: feedback.feedback - feedback.notSatisfiedOrLate,
      denominator: feedback.feedback,
    }),
  },
  {
    id: '5c',
    group: '5',
    scored: true,
    source: 'rollups',
    measure: ({ counters, returnedWithComplaint }) => ({
      numerator: counters.returned - counters.dissatisfied - returnedWithComplaint,
      denominator: counters.returned,
    }),
  },
];
