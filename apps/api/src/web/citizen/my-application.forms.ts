import type { FieldProblem } from '../core/form-problems';

const REQUIRED = ['is required'];

/** The rating form: a score from 1 to 5 and an optional comment of at most 2,000 characters. */
export function readRating(posted: Record<string, string>) {
  const score = Number.parseInt(posted.score ?? '', 10);
  const problems: FieldProblem[] = score >= 1 && score <= 5 ? [] : [{ field: 'score', problems: REQUIRED }];
  return { rating: { score, comment: (posted.comment ?? '').trim().slice(0, 2000) || undefined }, problems };
}
