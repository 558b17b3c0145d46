import { describe, expect, it } from 'vitest';

import { DEMO_AGENCIES } from './demo-agencies';
import { DEMO_PROCEDURES } from './demo-procedures';
import { DEMO_PROCESSES } from './demo-processes';

describe('the demo processes', () => {
  it('give every demo procedure 3 to 6 steps whose budgets add up to its time limit', () => {
    for (const procedure of DEMO_PROCEDURES) {
      const steps = DEMO_PROCESSES[procedure.code] ?? [];
      expect(steps.length, procedure.code).toBeGreaterThanOrEqual(3);
      expect(steps.length, procedure.code).toBeLessThanOrEqual(6);
      let sum = 0;
      for (const step of steps) sum += step.budgetHours;
      expect(sum, procedure.code).toBe(procedure.processingHours);
    }
  });

  it('hold at least one transfer step at another seeded agency', () => {
    const transfers = DEMO_PROCEDURES.flatMap((procedure) =>
      (DEMO_PROCESSES[procedure.code] ?? [])
        .filter((step) => step.holderAgencyCode && step.holderAgencyCode !== procedure.agencyCode)
        .map((step) => step.holderAgencyCode!),
    );
    expect(transfers.length).toBeGreaterThan(0);
    const seeded = DEMO_AGENCIES.map((agency) => agency.code);
    for (const code of transfers) expect(seeded).toContain(code);
  });
});
