import { describe, expect, it } from 'vitest';

import { createVietnamWorkingCalendar, WorkingCalendar } from '../calendar';
import type { StepEventFields } from './step-fields';
import { stepFieldsOf } from './step-fields';
import type { StepHistoryEvent } from './step-stretches';
import { stepStretchesOf } from './step-stretches';

const HOUR = 3_600_000;
const at = (local: string) => Date.parse(`${local}+07:00`);

// The competent agency keeps 08:00-12:00 and 13:00-17:00; the transfer agency 07:30-11:30 and 13:30-17:30.
const COMPETENT = createVietnamWorkingCalendar();
const TRANSFER = new WorkingCalendar({
  timeZone: 'Asia/Ho_Chi_Minh',
  officeHours: [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:30' },
  ],
  overrides: [],
  holidays: [],
});
const calendarOf = (agencyId: string) => (agencyId === 'transfer' ? TRANSFER : COMPETENT);

function enters(
  type: string,
  local: string,
  step: number,
  agencyId: string,
  role: string,
  due: string,
): StepHistoryEvent {
  const fields: StepEventFields = {
    stepId: `step-${step}`,
    step,
    stepName: `Bước ${step}`,
    stepAgencyId: agencyId,
    stepRole: role,
    stepDueAt: at(due),
  };
  return { type, at: at(local), step: fields };
}
const plain = (type: string, local: string, stepDueAt?: string): StepHistoryEvent => ({
  type,
  at: at(local),
  step: stepDueAt ? { ...stepFieldsOf({ stepDueAt: `${stepDueAt}+07:00` })! } : null,
});

const figures = (events: StepHistoryEvent[], asOf?: number) =>
  stepStretchesOf(events, calendarOf, asOf).map((s) => ({
    step: s.position,
    agency: s.agencyId,
    role: s.role,
    hours: s.workingMs / HOUR,
    late: s.late,
    lateHours: s.latenessMs / HOUR,
    open: s.endedAt === null,
  }));

describe('step stretches', () => {
  it('measures two steps of the competent agency, each late, by hand', () => {
    // 10 March 2025 is a Monday.
    const events = [
      plain('submit', '2025-03-10T08:30:00'),
      enters('receive', '2025-03-10T09:00:00', 1, 'competent', 'clerk', '2025-03-10T14:00:00'),
      enters('forward', '2025-03-10T15:30:00', 2, 'competent', 'supervisor', '2025-03-11T10:30:00'),
      plain('approve', '2025-03-11T10:45:00'),
      plain('sign', '2025-03-11T10:50:00'),
      plain('return', '2025-03-11T11:00:00'),
    ];
    expect(figures(events)).toEqual([
      // 09:00-12:00 and 13:00-15:30; due 14:00, so 13:00... 14:00-15:30 late.
      {
        step: 1,
        agency: 'competent',
        role: 'clerk',
        hours: 3 + 2.5,
        late: true,
        lateHours: 1.5,
        open: false,
      },
      // Mon 15:30-17:00 and Tue 08:00-11:00 (the decision does not end the step, the return does).
      {
        step: 2,
        agency: 'competent',
        role: 'supervisor',
        hours: 1.5 + 3,
        late: true,
        lateHours: 0.5,
        open: false,
      },
    ]);
  });

  it('counts a transfer on its own calendar without the supplement wait, and a step entered twice twice', () => {
    const events = [
      enters('register_counter', '2025-03-10T08:00:00', 1, 'competent', 'clerk', '2025-03-10T10:00:00'),
      enters('forward', '2025-03-10T09:00:00', 2, 'transfer', 'clerk', '2025-03-11T09:30:00'),
      plain('request_supplement', '2025-03-10T14:00:00'),
      // Paused Mon 14:00-17:30, Tue all day, Wed 07:30-10:00 on the transfer calendar: due pushed on.
      plain('supplement', '2025-03-12T10:00:00', '2025-03-12T16:00:00'),
      enters('forward', '2025-03-12T17:00:00', 3, 'competent', 'supervisor', '2025-03-13T12:00:00'),
      enters('send_back', '2025-03-13T09:00:00', 1, 'competent', 'clerk', '2025-03-13T11:00:00'),
      enters('forward', '2025-03-13T10:00:00', 2, 'transfer', 'clerk', '2025-03-13T14:30:00'),
      { type: 'take_over', at: at('2025-03-13T10:30:00'), step: stepFieldsOf({ stepId: 'step-2', step: 2 }) },
      enters('forward', '2025-03-13T15:00:00', 3, 'competent', 'supervisor', '2025-03-14T10:00:00'),
      plain('approve', '2025-03-14T09:00:00'),
      plain('return', '2025-03-14T09:30:00'),
    ];
    expect(figures(events)).toEqual([
      { step: 1, agency: 'competent', role: 'clerk', hours: 1, late: false, lateHours: 0, open: false },
      // Worked Mon 09:00-11:30 and 13:30-14:00, then Wed 10:00-11:30 and 13:30-17:00; due Wed 16:00.
      {
        step: 2,
        agency: 'transfer',
        role: 'clerk',
        hours: 2.5 + 0.5 + 1.5 + 3.5,
        late: true,
        lateHours: 1,
        open: false,
      },
      // Wed 17:00 is the end of office time: Thu 08:00-09:00.
      { step: 3, agency: 'competent', role: 'supervisor', hours: 1, late: false, lateHours: 0, open: false },
      { step: 1, agency: 'competent', role: 'clerk', hours: 1, late: false, lateHours: 0, open: false },
      // Thu 10:00-11:30 and 13:30-15:00; due 14:30 (the take-over does not end the stretch).
      { step: 2, agency: 'transfer', role: 'clerk', hours: 3, late: true, lateHours: 0.5, open: false },
      // Thu 15:00-17:00 and Fri 08:00-09:30.
      {
        step: 3,
        agency: 'competent',
        role: 'supervisor',
        hours: 3.5,
        late: false,
        lateHours: 0,
        open: false,
      },
    ]);
  });

  it('measures an open step to the given time, late once past its due time', () => {
    const events = [
      enters('receive', '2025-03-10T09:00:00', 1, 'competent', 'clerk', '2025-03-10T11:00:00'),
      enters('forward', '2025-03-10T10:00:00', 2, 'transfer', 'supervisor', '2025-03-10T14:00:00'),
    ];
    expect(figures(events, at('2025-03-11T08:30:00'))).toEqual([
      { step: 1, agency: 'competent', role: 'clerk', hours: 1, late: false, lateHours: 0, open: false },
      // Mon 10:00-11:30, 13:30-17:30, Tue 07:30-08:30; due Mon 14:00.
      {
        step: 2,
        agency: 'transfer',
        role: 'supervisor',
        hours: 1.5 + 4 + 1,
        late: true,
        lateHours: 3.5 + 1,
        open: true,
      },
    ]);
  });

  it('ends the step when the file is withdrawn during a supplement wait, counting no time of the wait', () => {
    const events = [
      enters('receive', '2025-03-10T09:00:00', 1, 'competent', 'clerk', '2025-03-11T09:00:00'),
      plain('request_supplement', '2025-03-10T10:00:00'),
      plain('withdraw', '2025-03-12T10:00:00'),
    ];
    expect(figures(events)).toEqual([
      { step: 1, agency: 'competent', role: 'clerk', hours: 1, late: false, lateHours: 0, open: false },
    ]);
  });

  it('moves the due time on by the wait when the supplement records none', () => {
    const events = [
      enters('receive', '2025-03-10T09:00:00', 1, 'competent', 'clerk', '2025-03-10T11:00:00'),
      plain('request_supplement', '2025-03-10T10:00:00'),
      // Waited Mon 10:00-12:00, 13:00-17:00 and Tue 08:00-09:00: 7 hours. Due Mon 11:00 plus 7 hours:
      // Mon 11:00-12:00, 13:00-17:00, Tue 08:00-10:00, so due Tue 10:00.
      plain('supplement', '2025-03-11T09:00:00'),
      plain('withdraw', '2025-03-11T16:30:00'),
    ];
    expect(figures(events)).toEqual([
      {
        step: 1,
        agency: 'competent',
        role: 'clerk',
        hours: 1 + 3 + 3.5,
        late: true,
        lateHours: 2 + 3.5,
        open: false,
      },
    ]);
  });

  it('gives no stretch to a file of a procedure without steps', () => {
    const events = [plain('receive', '2025-03-10T09:00:00'), plain('return', '2025-03-11T09:00:00')];
    expect(stepStretchesOf(events, calendarOf)).toEqual([]);
  });
});

describe('step fields of an event', () => {
  it('reads the recorded fields and ignores an event without them', () => {
    expect(
      stepFieldsOf({
        dueAt: '2025-03-20T10:00:00.000Z',
        stepId: 'a',
        step: 2,
        stepName: 'Thẩm định',
        stepAgencyId: 'b',
        stepRole: 'clerk',
        stepDueAt: '2025-03-11T03:00:00.000Z',
      }),
    ).toEqual({
      stepId: 'a',
      step: 2,
      stepName: 'Thẩm định',
      stepAgencyId: 'b',
      stepRole: 'clerk',
      stepDueAt: Date.UTC(2025, 2, 11, 3),
    });
    expect(stepFieldsOf({ dueAt: '2025-03-20T10:00:00.000Z' })).toBeNull();
  });
});
