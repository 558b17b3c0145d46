import { describe, expect, it } from 'vitest';

import type { ApplicationEventDto } from '@onegate/applications';

import { timelineOf } from './application-view';

const returned: ApplicationEventDto = {
  sequence: 6,
  type: 'return',
  at: '2026-11-25T09:00:00.000Z',
  actorId: null,
  actorRole: 'clerk',
  channel: 'online',
  fromState: 'decided',
  toState: 'returned',
  note: null,
  data: {},
};

describe('timelineOf', () => {
  it('ends with the owner’s first download of the result, once there is one', () => {
    expect(timelineOf([returned]).map((entry) => entry.type)).toEqual(['return']);
    const timeline = timelineOf([returned], '2026-11-25T10:00:00.000Z');
    expect(timeline.map((entry) => entry.type)).toEqual(['return', 'result_downloaded']);
    expect(timeline[1]).toMatchObject({ at: '2026-11-25T10:00:00.000Z', actorRole: 'citizen' });
  });
});
