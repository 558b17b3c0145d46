import { describe, expect, it } from 'vitest';

import type { FeedbackDto } from '@onegate/applications';

import { feedbackErrors, readFeedbackForm, readFeedbackRating, standingOf } from './feedback-view';

const item = (fields: Partial<FeedbackDto>) =>
  ({ answeredAt: null, rating: null, overdue: false, ...fields }) as FeedbackDto;

describe('feedback pages’ views', () => {
  it('tells where an item stands: waiting, overdue, answered, rated', () => {
    expect(standingOf(item({}))).toBe('waiting');
    expect(standingOf(item({ overdue: true }))).toBe('overdue');
    expect(standingOf(item({ answeredAt: '2026-11-03T02:00:00.000Z' }))).toBe('answered');
    expect(standingOf(item({ answeredAt: '2026-11-03T02:00:00.000Z', rating: 'satisfied' }))).toBe('rated');
  });

  it('keeps every typed value, text only, a field sent twice counting once', () => {
    const values = readFeedbackForm({ kind: ['petition', 'feedback'], subject: 'Chỗ ngồi', body: { x: 1 } });
    expect(values).toMatchObject({ kind: 'petition', subject: 'Chỗ ngồi', body: '', contact: '' });
  });

  it('links each problem to the first input of its field, in the reader’s words', () => {
    const errors = feedbackErrors('vi', [
      {
        field: 'aspect',
        problems: ['say what the feedback on the file is about: reception, handling, lateness or other'],
      },
      { field: 'body', problems: ['must be at least 20 characters'] },
    ]);
    expect(errors.summary.map((line) => line.href)).toEqual(['#aspect-reception', '#body']);
    expect(errors.byField.body).toBe('phải có ít nhất 20 ký tự');
    expect(errors.summary[1]!.text).toBe('Nội dung: phải có ít nhất 20 ký tự');
  });

  it('takes only a known rating', () => {
    expect(readFeedbackRating({ rating: 'not_satisfied' }).problems).toEqual([]);
    expect(readFeedbackRating({ rating: 'bad' }).problems).toEqual([
      { field: 'rating', problems: ['is required'] },
    ]);
  });
});
