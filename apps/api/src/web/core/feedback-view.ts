import type { FeedbackDto } from '@onegate/applications';
import type { Language } from '@onegate/domain';
import { FEEDBACK_ASPECTS, FEEDBACK_KINDS, FEEDBACK_RATINGS } from '@onegate/persistence';

import { choices } from './choices';
import { errorsOf } from './form-outcome';
import type { FieldProblem, FormErrors } from './form-problems';
import { translate } from './messages';
import { textFields } from './web-request';

/** Where an item stands (docs/feedback.md): waiting, waiting past its due time, answered, rated. */
export type FeedbackStanding = 'waiting' | 'overdue' | 'answered' | 'rated';

export const FEEDBACK_STANDINGS: readonly FeedbackStanding[] = ['waiting', 'overdue', 'answered', 'rated'];

export const standingOf = (item: FeedbackDto): FeedbackStanding =>
  item.rating ? 'rated' : item.answeredAt ? 'answered' : item.overdue ? 'overdue' : 'waiting';

/** The filing form as typed: every value is kept to be shown again with its errors. */
export interface FeedbackFormValues {
  about: string;
  kind: string;
  applicationId: string;
  agencyCode: string;
  aspect: string;
  subject: string;
  body: string;
  contact: string;
}

/** The filing form before anything is typed, about a file or an agency (or not chosen yet: ''). */
export const emptyFeedbackForm = (about: FeedbackFormValues['about']): FeedbackFormValues => ({
  about,
  kind: '',
  applicationId: '',
  agencyCode: '',
  aspect: '',
  subject: '',
  body: '',
  contact: '',
});

export function readFeedbackForm(body: unknown): FeedbackFormValues {
  const fields = textFields(body);
  const text = (name: string, max: number) => (fields[name] ?? '').slice(0, max);
  return {
    about: text('about', 20),
    kind: text('kind', 20),
    applicationId: text('applicationId', 40),
    agencyCode: text('agencyCode', 40),
    aspect: text('aspect', 20),
    subject: text('subject', 1000),
    body: text('body', 10_000),
    contact: text('contact', 1000),
  };
}

/** The first input of each field: where the error summary's link leads. */
const FIELD_INPUTS: Record<string, string> = {
  about: 'about-file',
  kind: 'kind-feedback',
  applicationId: 'applicationId',
  agencyCode: 'agencyCode',
  aspect: 'aspect-reception',
  subject: 'subject',
  body: 'body',
  contact: 'contact',
  rating: 'rating-satisfied',
  answer: 'answer',
  code: 'code',
  secret: 'secret',
};

/** A feedback form's errors: by field name (for the field's own message) and in the summary. */
export function feedbackErrors(lang: Language, problems: FieldProblem[]): FormErrors {
  const errors = errorsOf(
    lang,
    problems,
    (path) => (path in FIELD_INPUTS ? path : null),
    (field) => translate(lang, `feedback.field.${field}`),
  );
  const summary = errors.summary.map((item) => {
    const field = item.href.slice(1);
    return FIELD_INPUTS[field] ? { ...item, href: `#${FIELD_INPUTS[field]}` } : item;
  });
  return { ...errors, summary };
}

/** The filing form's choices, the typed ones marked. */
export function feedbackFormChoices(values: FeedbackFormValues) {
  return {
    kinds: choices(FEEDBACK_KINDS, values.kind),
    aspects: choices(FEEDBACK_ASPECTS, values.aspect),
  };
}

/** One item as its pages show it: its agency in the reader's language and where it stands. */
export function feedbackItemView(item: FeedbackDto, lang: Language) {
  return {
    ...item,
    agencyName: lang === 'vi' ? item.agencyNameVi : item.agencyNameEn,
    standing: standingOf(item),
    canRate: item.answeredAt !== null && item.rating === null,
    ratings: choices(FEEDBACK_RATINGS, null),
  };
}

/** What the item page shows of an item for any reader: title, the item, its file's page, errors, breadcrumbs. */
export function feedbackItemPage(
  item: ReturnType<typeof feedbackItemView>,
  lang: Language,
  problems: FieldProblem[],
  links: { fileBase: string; queue: { key: string; href: string } },
) {
  return {
    titleText: `${item.code} – ${item.subject}`,
    item,
    fileHref: item.applicationId ? `${links.fileBase}/${item.applicationId}` : null,
    errors: feedbackErrors(lang, problems),
    breadcrumbs: [links.queue, { text: item.code }],
  };
}

/** The rating field as posted: one of the ratings, or a problem naming it. */
export function readFeedbackRating(body: unknown) {
  const rating = textFields(body).rating ?? '';
  const known = (FEEDBACK_RATINGS as readonly string[]).includes(rating);
  const problems: FieldProblem[] = known ? [] : [{ field: 'rating', problems: ['is required'] }];
  return { rating: rating as (typeof FEEDBACK_RATINGS)[number], problems };
}
