import { describe, expect, it } from 'vitest';

import type { Application, User } from '@onegate/persistence';

import { AlertAudience } from './alert-audience';

describe('alert audience', () => {
  const parents = new Map<string, string | null>([
    ['QN', null],
    ['QN-HL', 'QN'],
    ['QN-HL-P1', 'QN-HL'],
    ['QN-STP', 'QN'],
  ]);
  const supervisors = [
    { id: 'province', agencyId: 'QN' },
    { id: 'city', agencyId: 'QN-HL' },
    { id: 'justice', agencyId: 'QN-STP' },
  ] as User[];
  const audience = new AlertAudience(parents, supervisors);

  it('is the assignee and every supervisor at or above the competent agency', () => {
    const application = { competentAgencyId: 'QN-HL-P1', assigneeId: 'clerk' } as Application;
    expect(audience.recipientsOf(application).sort()).toEqual(['city', 'clerk', 'province']);
  });

  it('is only the supervisors of a file nobody works yet', () => {
    const application = { competentAgencyId: 'QN-STP', assigneeId: null } as Application;
    expect(audience.recipientsOf(application).sort()).toEqual(['justice', 'province']);
  });

  it("is the step's named holder, else its unit, and the supervisors at or above the holding agency", () => {
    const held = {
      competentAgencyId: 'QN-HL-P1',
      stepAgencyId: 'QN-STP',
      stepHolderId: 'holder',
    } as Application;
    expect(audience.recipientsOfStep(held, ['a', 'b']).sort()).toEqual(['holder', 'justice', 'province']);
    const open = { competentAgencyId: 'QN-HL-P1', stepAgencyId: 'QN-STP', stepHolderId: null } as Application;
    expect(audience.recipientsOfStep(open, ['a', 'b']).sort()).toEqual(['a', 'b', 'justice', 'province']);
  });
});
