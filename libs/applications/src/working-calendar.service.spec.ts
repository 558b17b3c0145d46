import { afterEach, describe, expect, it, vi } from 'vitest';

import { DEFAULT_OFFICE_HOURS } from '@onegate/domain';
import type { CalendarOverrideRepository } from '@onegate/persistence';

import { WorkingCalendarService } from './working-calendar.service';

const AGENCY = { timeZone: 'Asia/Ho_Chi_Minh', officeHours: [...DEFAULT_OFFICE_HOURS] };

describe('WorkingCalendarService', () => {
  afterEach(() => vi.useRealTimers());

  it('answers from the known overrides while newer ones load, never waiting on the database again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let loads = 0;
    let release: () => void = () => undefined;
    const overrides = {
      listAll: () => {
        loads += 1;
        if (loads === 1) return Promise.resolve([]);
        return new Promise((done) => (release = () => done([])));
      },
      listSchedules: () => Promise.resolve([]),
    } as unknown as CalendarOverrideRepository;
    const calendars = new WorkingCalendarService(overrides);
    await calendars.calendarFor(AGENCY);
    vi.setSystemTime(Date.now() + 60_000);
    // The reload hangs (say, every connection is taken): the calendar is answered all the same.
    await expect(calendars.calendarFor(AGENCY)).resolves.toBeDefined();
    await expect(calendars.calendarFor(AGENCY)).resolves.toBeDefined();
    expect(loads).toBe(2);
    release();
  });
});
