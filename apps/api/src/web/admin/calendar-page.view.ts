import type { Language } from '@onegate/domain';
import { LOCAL_DATE_YEARS } from '@onegate/domain';

import { choices } from '../core/choices';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { localToday } from '../core/formatters';
import { translate } from '../core/messages';

export function thisYear(): number {
  return Number(localToday().slice(0, 4));
}

/** The year a schedule file is for: this year unless a year between 2000 and 2100 was chosen. */
export function scheduleYearOf(text: unknown): number {
  const year = Number.parseInt(String(text ?? ''), 10);
  return year >= 2000 && year <= 2100 ? year : thisYear();
}

export function calendarView(
  year: number,
  overrides: unknown[],
  schedule: unknown,
  yearsWithoutSchedule: number[],
  values: Record<string, string>,
  errors: FormErrors | null,
) {
  return {
    titleKey: 'adminCalendar.title',
    year,
    previousYear: year > LOCAL_DATE_YEARS.min ? year - 1 : null,
    nextYear: year < LOCAL_DATE_YEARS.max ? year + 1 : null,
    overrides,
    schedule,
    yearsWithoutSchedule: yearsWithoutSchedule.join(', '),
    kinds: choices(['day_off', 'working_day'], values.kind),
    values,
    errors,
  };
}

export function calendarErrors(lang: Language, problems: FieldProblem[]): FormErrors {
  return errorsOf(
    lang,
    problems,
    (field) => field,
    (id) => translate(lang, `adminCalendar.${id}`),
  );
}
