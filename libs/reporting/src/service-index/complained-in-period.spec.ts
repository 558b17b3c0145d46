import { describe, expect, it } from 'vitest';

import { complainedInPeriod } from './service-index-query.service';

const file = (id: string, returnedAt: string, firstComplaintAt: string, score: number | null) => ({
  id,
  agencyId: 'hl',
  timeZone: 'Asia/Ho_Chi_Minh',
  returnedAt: new Date(returnedAt),
  firstComplaintAt: new Date(firstComplaintAt),
  score,
});

describe("5c's complaints", () => {
  it('counts a file returned in the period, complained about by its last local day, not rated 1 or 2', () => {
    const files = [
      // Complaint about reception while the file was open, returned in March: counts.
      file('early', '2025-03-10T09:00:00+07:00', '2025-02-20T09:00:00+07:00', null),
      // Complained about at 23:30 local time on the period's last day: counts.
      file('last-day', '2025-03-31T10:00:00+07:00', '2025-03-31T23:30:00+07:00', 4),
      // Complained about after the period: does not change it.
      file('after', '2025-03-20T10:00:00+07:00', '2025-04-01T00:30:00+07:00', null),
      // Rated 2: already not satisfied by its rating, counted once.
      file('rated', '2025-03-12T10:00:00+07:00', '2025-03-13T10:00:00+07:00', 2),
      // Returned at 00:30 local time on 1 April (still 31 March in UTC): outside March.
      file('april', '2025-04-01T00:30:00+07:00', '2025-03-02T10:00:00+07:00', 5),
      // Rated 3 (neither): counts.
      file('neither', '2025-03-01T08:00:00+07:00', '2025-03-01T09:00:00+07:00', 3),
    ];
    expect(complainedInPeriod(files, '2025-03-01', '2025-03-31').map(({ id }) => id)).toEqual([
      'early',
      'last-day',
      'neither',
    ]);
  });
});
