import type { Language } from '@onegate/domain';

import type { OpenDataLine } from '../../open-data/open-data.service';
import { MONTH_PATTERN } from '../../open-data/open-data.query';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';
import { monthWords } from '../supervisor/period-presets';

/** The fields of the page's form, as typed. */
export interface OpenDataChoice {
  from: string;
  to: string;
  agency: string;
}

/** The page's default: the twelve months up to this one, and the first agency at the top of the tree. */
export function choiceOf(fields: Record<string, string>, currentMonth: string, firstAgency: string) {
  const year = Number(currentMonth.slice(0, 4));
  const month = Number(currentMonth.slice(5, 7));
  const from =
    month === 12
      ? `${year}-01`
      : `${String(year - 1).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
  return {
    from: fields.from?.trim() || from,
    to: fields.to?.trim() || currentMonth,
    agency: fields.agency?.trim() || firstAgency,
  };
}

/** The problems the page finds itself: months not written YYYY-MM. */
export function monthProblems(choice: OpenDataChoice): FieldProblem[] {
  return (['from', 'to'] as const)
    .filter((field) => !MONTH_PATTERN.test(choice[field]))
    .map((field) => ({ field, problems: ['format'] }));
}

/** One message per field in the page's words, whatever the problem was. */
export function openDataErrors(lang: Language, problems: FieldProblem[]): FormErrors {
  const byField: Record<string, string> = {};
  const summary: FormErrors['summary'] = [];
  for (const field of new Set(problems.map((problem) => problem.field))) {
    const id = ['from', 'to', 'agency'].includes(field) ? field : 'from';
    byField[id] = translate(lang, `openData.problem.${id}`);
    summary.push({ href: `#${id}`, text: byField[id] });
  }
  return { byField, summary, message: null };
}

/** The chosen agency's own lines, a row per month, and the links to the same figures as files. */
export function openDataView(lang: Language, choice: OpenDataChoice, lines: OpenDataLine[]) {
  const query = new URLSearchParams({ from: choice.from, to: choice.to, agency: choice.agency });
  return {
    rows: lines
      .filter((line) => line.agency === choice.agency)
      .map((line) => ({
        ...line,
        label: monthWords(lang, line.month),
        withheld: Object.keys(line.suppressed),
      })),
    downloads: {
      json: `/api/open-data/monthly?${query}`,
      csv: `/api/open-data/monthly/export?${query}&format=csv&lang=${lang}`,
      xlsx: `/api/open-data/monthly/export?${query}&format=xlsx&lang=${lang}`,
    },
  };
}
