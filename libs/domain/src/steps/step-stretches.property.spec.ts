import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createVietnamWorkingCalendar } from '../calendar';
import type { StepHistoryEvent } from './step-stretches';
import { stepStretchesOf } from './step-stretches';

const CALENDAR = createVietnamWorkingCalendar();
const START = Date.parse('2025-03-03T08:00:00+07:00');
const MINUTE = 60_000;

type Move = 'forward' | 'send_back' | 'take_over' | 'supplement_wait';

/** A file's story: reception, then moves each some minutes after the last, then its return. */
const story = fc.record({
  gaps: fc.array(fc.integer({ min: 1, max: 3 * 24 * 60 }), { minLength: 2, maxLength: 24 }),
  moves: fc.array(fc.constantFrom<Move>('forward', 'send_back', 'take_over', 'supplement_wait'), {
    minLength: 0,
    maxLength: 10,
  }),
});

function eventsOf(gaps: number[], moves: Move[]): StepHistoryEvent[] {
  let at = START;
  let gap = 0;
  const next = () => (at += gaps[gap++ % gaps.length]! * MINUTE);
  let position = 1;
  const entering = (type: string, step: number): StepHistoryEvent => ({
    type,
    at,
    step: {
      stepId: null,
      step,
      stepName: null,
      stepAgencyId: `agency-${step % 2}`,
      stepRole: 'clerk',
      stepDueAt: at + 8 * 60 * MINUTE,
    },
  });
  const events: StepHistoryEvent[] = [entering('receive', 1)];
  for (const move of moves) {
    next();
    if (move === 'forward') events.push(entering('forward', ++position));
    else if (move === 'send_back' && position > 1) events.push(entering('send_back', (position = 1)));
    else if (move === 'take_over') events.push({ type: 'take_over', at, step: null });
    else if (move === 'supplement_wait') {
      events.push({ type: 'request_supplement', at, step: null });
      next();
      events.push({ type: 'supplement', at, step: null });
    }
  }
  next();
  events.push({ type: 'return', at, step: null });
  return events;
}

const working = (from: number, to: number) =>
  CALENDAR.workingMillisecondsBetween(new Date(from), new Date(to));

describe('step stretches, for any story', () => {
  it('follow one another without overlap, one per step entered, from reception to the close', () => {
    fc.assert(
      fc.property(story, ({ gaps, moves }) => {
        const events = eventsOf(gaps, moves);
        const stretches = stepStretchesOf(events, () => CALENDAR);
        const entered = events.filter((event) => event.step?.stepDueAt != null);
        expect(stretches).toHaveLength(entered.length);
        expect(stretches[0]!.startedAt).toBe(events[0]!.at);
        expect(stretches[stretches.length - 1]!.endedAt).toBe(events[events.length - 1]!.at);
        stretches.slice(1).forEach((stretch, index) => {
          expect(stretch.startedAt).toBe(stretches[index]!.endedAt);
        });
      }),
    );
  });

  it('add up to the working time from reception to the close, supplement waits taken off', () => {
    fc.assert(
      fc.property(story, ({ gaps, moves }) => {
        const events = eventsOf(gaps, moves);
        const stretches = stepStretchesOf(events, () => CALENDAR);
        let waited = 0;
        events.forEach((event, index) => {
          if (event.type === 'request_supplement') waited += working(event.at, events[index + 1]!.at);
        });
        const worked = working(events[0]!.at, events[events.length - 1]!.at) - waited;
        expect(stretches.reduce((sum, stretch) => sum + stretch.workingMs, 0)).toBe(worked);
      }),
    );
  });

  it('are late exactly when they end after their due time, by the working time past it', () => {
    fc.assert(
      fc.property(story, ({ gaps, moves }) => {
        for (const stretch of stepStretchesOf(eventsOf(gaps, moves), () => CALENDAR)) {
          expect(stretch.late).toBe(stretch.endedAt! > stretch.dueAt!);
          expect(stretch.latenessMs).toBe(stretch.late ? working(stretch.dueAt!, stretch.endedAt!) : 0);
        }
      }),
    );
  });
});
