import { describe, expect, it } from 'vitest';

import { createVietnamWorkingCalendar, WorkingCalendar } from '@onegate/domain';

import type { ApplicationHistory, HistoryEvent } from './application-history';
import { documentFactsOf } from './application-history';
import { contributionOf } from './contribution';

const calendar = createVietnamWorkingCalendar();
const at = (local: string) => Date.parse(`${local}+07:00`);
const HOUR = 3_600_000;

function story(
  events: [HistoryEvent['type'], string, Partial<HistoryEvent>?][],
  extra: Partial<ApplicationHistory> = {},
) {
  return {
    applicationId: 'application',
    agencyId: 'agency',
    procedureId: 'procedure',
    feeVnd: 0,
    rating: null,
    documents: documentFactsOf([], false),
    events: events.map(([type, local, fields]) => ({
      type,
      at: at(local),
      channel: 'online' as const,
      dueAt: null,
      pausedMs: null,
      step: null,
      ...fields,
    })),
    ...extra,
  };
}

describe('what an application adds to the reports', () => {
  it('counts reception, decision and return on their local dates, with the turnaround less the pause', () => {
    const contribution = contributionOf(
      story(
        [
          ['submit', '2025-06-02T08:00:00'],
          ['receive', '2025-06-02T09:00:00', { dueAt: at('2025-06-05T09:00:00') }],
          ['request_supplement', '2025-06-02T14:00:00'],
          ['supplement', '2025-06-03T10:00:00', { dueAt: at('2025-06-06T09:00:00'), pausedMs: 5 * HOUR }],
          ['approve', '2025-06-04T11:00:00'],
          ['sign', '2025-06-04T11:05:00'],
          ['return', '2025-06-04T16:00:00'],
        ],
        { rating: 4 },
      ),
      calendar,
    )!;
    expect(contribution.channel).toBe('online');
    expect(Object.fromEntries(contribution.days)).toEqual({
      '2025-06-02': { received: 1, backlogDelta: 1 },
      '2025-06-04': {
        decided: 1,
        onTime: 1,
        turnaroundMs: 13 * HOUR,
        backlogDelta: -1,
        returned: 1,
        fullyOnline: 1,
        ratingCount: 1,
        ratingSum: 4,
        satisfied: 1,
        indexOnTime: 1,
        signedOnline: 1,
      },
    });
    expect(contribution.durations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2025-06-04', metric: 'turnaround', ms: 13 * HOUR }),
        expect.objectContaining({ date: '2025-06-04', metric: 'received', ms: 4 * HOUR }),
        expect.objectContaining({ date: '2025-06-04', metric: 'supplement_requested', ms: 5 * HOUR }),
        expect.objectContaining({ date: '2025-06-04', metric: 'in_progress', ms: 9 * HOUR }),
        expect.objectContaining({ date: '2025-06-04', metric: 'decided', ms: 4 * HOUR }),
      ]),
    );
  });

  it('counts a file in the overdue backlog from the date its due time passed until it is decided', () => {
    const contribution = contributionOf(
      story([
        ['register_counter', '2025-06-02T09:00:00', { dueAt: at('2025-06-03T09:00:00'), channel: 'offline' }],
        ['deny', '2025-06-06T10:00:00'],
      ]),
      calendar,
    )!;
    expect(contribution.channel).toBe('offline');
    expect(contribution.days.get('2025-06-03')).toEqual({ overdueDelta: 1, indexLateOpenDelta: 1 });
    expect(contribution.days.get('2025-06-06')).toEqual({
      overdueDelta: -1,
      indexLateOpenDelta: -1,
      backlogDelta: -1,
      decided: 1,
      turnaroundMs: 33 * HOUR,
    });
  });

  it('takes a file waiting for a supplement out of the overdue backlog, and still open ones stay in', () => {
    const contribution = contributionOf(
      story([
        ['submit', '2025-06-02T08:00:00'],
        ['receive', '2025-06-02T09:00:00', { dueAt: at('2025-06-03T09:00:00') }],
        ['request_supplement', '2025-06-05T09:00:00'],
        ['supplement', '2025-06-09T09:00:00', { dueAt: at('2025-06-10T09:00:00'), pausedMs: 16 * HOUR }],
      ]),
      calendar,
    )!;
    expect(contribution.days.get('2025-06-03')).toEqual({ overdueDelta: 1, indexLateOpenDelta: 1 });
    expect(contribution.days.get('2025-06-05')).toEqual({ overdueDelta: -1, indexLateOpenDelta: -1 });
    expect(contribution.days.get('2025-06-10')).toEqual({ overdueDelta: 1, indexLateOpenDelta: 1 });
  });

  it('keeps the service index counters: a second supplement request makes a file late until decided', () => {
    const contribution = contributionOf(
      story(
        [
          ['submit', '2025-06-02T08:00:00'],
          ['receive', '2025-06-02T09:00:00', { dueAt: at('2025-06-20T09:00:00') }],
          ['pay', '2025-06-02T09:30:00'],
          ['request_supplement', '2025-06-03T09:00:00'],
          ['supplement', '2025-06-04T09:00:00', { dueAt: at('2025-06-21T09:00:00'), pausedMs: 8 * HOUR }],
          ['request_supplement', '2025-06-05T09:00:00'],
          ['supplement', '2025-06-06T09:00:00', { dueAt: at('2025-06-22T09:00:00'), pausedMs: 16 * HOUR }],
          ['approve', '2025-06-10T09:00:00'],
          ['sign', '2025-06-10T09:05:00', { channel: 'offline' }],
          ['return', '2025-06-11T09:00:00'],
        ],
        { feeVnd: 50_000, rating: 2 },
      ),
      calendar,
    )!;
    expect(contribution.days.get('2025-06-02')).toMatchObject({ received: 1, feeBearing: 1, paidOnline: 1 });
    expect(contribution.days.get('2025-06-05')).toEqual({ indexLateOpenDelta: 1 });
    const decided = contribution.days.get('2025-06-10')!;
    expect(decided).toMatchObject({ decided: 1, onTime: 1, indexLateOpenDelta: -1 });
    expect(decided.indexOnTime ?? 0).toBe(0);
    expect(decided.signedOnline ?? 0).toBe(0);
    expect(contribution.days.get('2025-06-11')).toMatchObject({ returned: 1, dissatisfied: 1 });
  });

  it('counts a withdrawal before reception without touching the backlog; a draft counts nothing', () => {
    const withdrawn = contributionOf(
      story([
        ['submit', '2025-06-02T08:00:00'],
        ['withdraw', '2025-06-02T09:00:00'],
      ]),
      calendar,
    )!;
    expect(Object.fromEntries(withdrawn.days)).toEqual({ '2025-06-02': { withdrawn: 1 } });
    expect(contributionOf(story([['pay', '2025-06-02T08:00:00']]), calendar)).toBeNull();
  });

  it('is not fully online with a paper step, or with a fee never paid online', () => {
    const returned = (events: [HistoryEvent['type'], string, Partial<HistoryEvent>?][], feeVnd = 0) =>
      contributionOf(story(events, { feeVnd }), calendar)!.days.get('2025-06-03')!.fullyOnline ?? 0;
    const base: [HistoryEvent['type'], string, Partial<HistoryEvent>?][] = [
      ['submit', '2025-06-02T08:00:00'],
      ['receive', '2025-06-02T09:00:00', { dueAt: at('2025-06-04T09:00:00') }],
      ['approve', '2025-06-03T09:00:00'],
      ['sign', '2025-06-03T09:05:00'],
      ['return', '2025-06-03T10:00:00'],
    ];
    expect(returned(base)).toBe(1);
    expect(returned(base, 50_000)).toBe(0);
    const paperSignature = base.map(([type, local, fields]) =>
      type === 'sign'
        ? ([type, local, { channel: 'offline' }] as (typeof base)[number])
        : ([type, local, fields] as (typeof base)[number]),
    );
    expect(returned(paperSignature)).toBe(0);
  });

  it('counts each ended step stretch on the local date of its end, on its holding agency’s calendar', () => {
    const step = (position: number, agencyId: string, due: string) => ({
      step: {
        stepId: null,
        step: position,
        stepName: `Bước ${position}`,
        stepAgencyId: agencyId,
        stepRole: 'clerk',
        stepDueAt: at(due),
      },
    });
    // The other agency works 07:00-11:00 and 13:00-17:00.
    const elsewhere = new WorkingCalendar({
      officeHours: [
        { start: '07:00', end: '11:00' },
        { start: '13:00', end: '17:00' },
      ],
      overrides: [],
      holidays: [],
    });
    const calendarOf = (agencyId: string) => (agencyId === 'other' ? elsewhere : calendar);
    const opened: Parameters<typeof story>[0] = [
      ['submit', '2025-06-02T08:00:00'],
      // The first step is held by the other agency.
      ['receive', '2025-06-02T10:00:00', step(1, 'other', '2025-06-02T16:00:00')],
    ];
    // Still open: it counts nowhere yet.
    expect(contributionOf(story(opened), calendar, calendarOf)!.steps).toEqual([]);
    const closed = contributionOf(
      story([...opened, ['withdraw', '2025-06-03T07:45:00']]),
      calendar,
      calendarOf,
    )!;
    // 10:00-11:00, 13:00-17:00 and 07:00-07:45 of the other agency's office time; due Monday 16:00, so
    // late by 16:00-17:00 and 07:00-07:45 (on the competent calendar: 6 hours, late by 1).
    expect(closed.steps).toEqual([
      {
        date: '2025-06-03',
        // The withdrawal ended the file's first stretch, which its drill-down entry is kept under.
        at: Date.parse('2025-06-03T07:45:00+07:00'),
        stretch: 0,
        position: 1,
        name: 'Bước 1',
        holderAgencyId: 'other',
        holderRole: 'clerk',
        workingMs: 5.75 * HOUR,
        late: true,
        latenessMs: 1.75 * HOUR,
      },
    ]);
  });
});

describe('which files each figure lists', () => {
  const entries = (contribution: ReturnType<typeof contributionOf>) =>
    contribution!.files.map(({ figure, date, until }) => `${figure} ${date} ${until ?? '-'}`).sort();

  it('lists a file decided late under decided and late, and in the backlogs for the dates it stood there', () => {
    const contribution = contributionOf(
      story([
        ['register_counter', '2025-06-02T09:00:00', { dueAt: at('2025-06-03T09:00:00'), channel: 'offline' }],
        ['deny', '2025-06-06T10:00:00'],
      ]),
      calendar,
    );
    expect(entries(contribution)).toEqual([
      'backlog 2025-06-02 2025-06-06',
      'decided 2025-06-06 -',
      'inReceived 2025-06-06 -',
      // Open and not yet late by the service index's rule (2a) until it became overdue.
      'indexOpenOnTime 2025-06-02 2025-06-03',
      'late 2025-06-06 -',
      'overdueBacklog 2025-06-03 2025-06-06',
      'received 2025-06-02 -',
    ]);
    const decided = contribution!.files.find((entry) => entry.figure === 'decided')!;
    expect(decided.at).toBe(at('2025-06-06T10:00:00'));
  });

  it('keeps an open file in the backlog with no end, and takes a waiting one out of the overdue backlog', () => {
    const contribution = contributionOf(
      story([
        ['submit', '2025-06-02T08:00:00'],
        ['receive', '2025-06-02T09:00:00', { dueAt: at('2025-06-03T09:00:00') }],
        ['request_supplement', '2025-06-05T09:00:00'],
        ['supplement', '2025-06-09T09:00:00', { dueAt: at('2025-06-10T09:00:00'), pausedMs: 16 * HOUR }],
      ]),
      calendar,
    );
    expect(entries(contribution)).toEqual([
      'backlog 2025-06-02 -',
      // Waiting for the citizen after one request is not late by the index's rule (2a).
      'indexOpenOnTime 2025-06-02 2025-06-03',
      'indexOpenOnTime 2025-06-05 2025-06-10',
      'overdueBacklog 2025-06-03 2025-06-05',
      'overdueBacklog 2025-06-10 -',
      'received 2025-06-02 -',
    ]);
  });

  it('lists on each date exactly as many files as its counters count', () => {
    const contribution = contributionOf(
      story(
        [
          ['submit', '2025-06-02T08:00:00'],
          ['receive', '2025-06-02T09:00:00', { dueAt: at('2025-06-05T09:00:00') }],
          ['extend', '2025-06-03T09:00:00'],
          ['approve', '2025-06-04T09:00:00'],
          ['sign', '2025-06-04T09:05:00'],
          ['return', '2025-06-04T10:00:00'],
        ],
        { rating: 5 },
      ),
      calendar,
    )!;
    const counted = (figure: string, date: string) =>
      contribution.files.filter((entry) => entry.figure === figure && entry.date === date).length;
    for (const [date, counters] of contribution.days) {
      expect(counted('received', date)).toBe(counters.received ?? 0);
      expect(counted('decided', date)).toBe(counters.decided ?? 0);
      expect(counted('onTime', date)).toBe(counters.onTime ?? 0);
      expect(counted('late', date)).toBe((counters.decided ?? 0) - (counters.onTime ?? 0));
      expect(counted('extended', date)).toBe(counters.extended ?? 0);
      expect(counted('returned', date)).toBe(counters.returned ?? 0);
      expect(counted('fullyOnline', date)).toBe(counters.fullyOnline ?? 0);
      expect(counted('rated', date)).toBe(counters.ratingCount ?? 0);
      expect(counted('indexOnTime', date)).toBe(counters.indexOnTime ?? 0);
      expect(counted('signedOnline', date)).toBe(counters.signedOnline ?? 0);
      expect(counted('feeBearing', date)).toBe(counters.feeBearing ?? 0);
      expect(counted('paidOnline', date)).toBe(counters.paidOnline ?? 0);
      expect(counted('digitised', date)).toBe(counters.digitised ?? 0);
      expect(counted('reused', date)).toBe(counters.reused ?? 0);
    }
    expect(contribution.files.filter((entry) => entry.figure === 'extended')).toHaveLength(1);
    expect(contribution.files.filter((entry) => entry.figure === 'signedOnline')).toHaveLength(1);
    expect(contribution.files.filter((entry) => entry.figure === 'rated')).toHaveLength(1);
  });
});
