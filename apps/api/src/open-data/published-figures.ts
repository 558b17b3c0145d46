import type { ReportFigures } from '@onegate/reporting';

/** The figures the open data publish per agency and month (docs/open-data.md), in this order. */
export const PUBLISHED_FIGURES = [
  'received',
  'decided',
  'onTime',
  'onTimeRate',
  'meanTurnaroundDays',
  'returned',
  'fullyOnline',
  'fullyOnlineShare',
] as const;
export type PublishedFigure = (typeof PUBLISHED_FIGURES)[number];

export type PublishedFigures = { [F in PublishedFigure]: number | null } & {
  /** The figures held back, each with the reason: "fewer than 10 files". */
  suppressed: Partial<Record<PublishedFigure, string>>;
};

/** What the published figures are taken from: the report's figures of one agency and month. */
export type CountedFigures = Pick<
  ReportFigures,
  'received' | 'decided' | 'onTime' | 'onTimeRate' | 'returned' | 'fullyOnline' | 'fullyOnlineShare'
> & { turnaroundDays: Pick<ReportFigures['turnaroundDays'], 'mean'> };

/** An agency with nothing counted in a month: the report lists no line for it. */
export const NOTHING_COUNTED: CountedFigures = {
  received: 0,
  decided: 0,
  onTime: 0,
  onTimeRate: null,
  returned: 0,
  fullyOnline: 0,
  fullyOnlineShare: null,
  turnaroundDays: { mean: null },
};

/**
 * Each figure is counted on a set of files, its base: the received files for `received`; the decided
 * files for `decided`, `onTime`, `onTimeRate` and `meanTurnaroundDays`; the returned files for
 * `returned`, `fullyOnline` and `fullyOnlineShare`.
 */
const BASES: readonly { base: (figures: CountedFigures) => number; figures: readonly PublishedFigure[] }[] = [
  { base: (f) => f.received, figures: ['received'] },
  { base: (f) => f.decided, figures: ['decided', 'onTime', 'onTimeRate', 'meanTurnaroundDays'] },
  { base: (f) => f.returned, figures: ['returned', 'fullyOnline', 'fullyOnlineShare'] },
];

/**
 * The published figures of one agency and month, taken as the report computed them: a figure whose
 * base holds fewer than `minFiles` files is null, with the reason in `suppressed`.
 */
export function publishedFigures(figures: CountedFigures, minFiles: number): PublishedFigures {
  const published: PublishedFigures = {
    received: figures.received,
    decided: figures.decided,
    onTime: figures.onTime,
    onTimeRate: figures.onTimeRate,
    meanTurnaroundDays: figures.turnaroundDays.mean,
    returned: figures.returned,
    fullyOnline: figures.fullyOnline,
    fullyOnlineShare: figures.fullyOnlineShare,
    suppressed: {},
  };
  for (const { base, figures: names } of BASES) {
    if (base(figures) >= minFiles) continue;
    for (const name of names) {
      published[name] = null;
      published.suppressed[name] = suppressionReason(minFiles);
    }
  }
  return published;
}

export const suppressionReason = (minFiles: number) =>
  `fewer than ${minFiles} ${minFiles === 1 ? 'file' : 'files'}`;
