import { describe, expect, it } from 'vitest';

import { createVietnamWorkingCalendar } from '../calendar';
import type { ActionFields, ApplicationFacts, DecisionContext } from './decide';
import { decide } from './decide';
import type { FeeDue } from './fee-due';
import { waitsForFee } from './fee-due';
import type { Action, ActorRole, ApplicationState } from './lifecycle';

const NOW = new Date('2026-11-23T02:00:00Z');
const THEIRS = { isApplicant: true, inAgencyScope: true, isConsulted: false };

const facts = (state: ApplicationState, paid: boolean, signed = false): ApplicationFacts => ({
  id: 'app-1',
  version: 3,
  state,
  signed,
  paid,
  applicantId: 'citizen-1',
  applicantEmail: null,
  receivedAt: state === 'draft' ? null : NOW,
  dueAt: state === 'draft' ? null : NOW,
  supplementRequestedAt: null,
  pausedMs: 0,
  outcome: state === 'decided' ? 'approved' : null,
  decidedAt: state === 'decided' ? NOW : null,
  closedAt: null,
  appointmentAt: null,
});

const context = (role: ActorRole, feeDue: FeeDue): DecisionContext => ({
  role,
  actorRelation: THEIRS,
  now: NOW,
  procedure: { processingHours: 40, supplementPolicy: 'pause', feeDue },
  calendar: createVietnamWorkingCalendar(),
  receivingAgencyId: 'desk-1',
});

function outcomeOf(
  action: Action,
  file: ApplicationFacts,
  role: ActorRole,
  feeDue: FeeDue,
  request: ActionFields = {},
) {
  const outcome = decide(action, file, request, context(role, feeDue));
  return 'refused' in outcome ? outcome.refused : 'decided';
}

describe('when the fee is due', () => {
  it('holds back a submission only when the fee is due at submission and unpaid', () => {
    expect(waitsForFee('submit', { paid: false }, 'at_submission')).toBe(true);
    expect(waitsForFee('submit', { paid: true }, 'at_submission')).toBe(false);
    expect(waitsForFee('submit', { paid: false }, 'before_return')).toBe(false);
    expect(outcomeOf('submit', facts('draft', false), 'citizen', 'at_submission')).toEqual({
      reason: 'fee_unpaid',
      feeDue: 'at_submission',
    });
  });

  it('holds back the return of the result while any fee is unpaid, whenever it was due', () => {
    for (const feeDue of ['at_submission', 'before_return'] as const) {
      expect(outcomeOf('return', facts('decided', false, true), 'clerk', feeDue)).toEqual({
        reason: 'fee_unpaid',
        feeDue,
      });
      expect(outcomeOf('return', facts('decided', true, true), 'clerk', feeDue)).toBe('decided');
    }
  });

  it('leaves the actions that do not wait for the fee alone, and lets the import replay unpaid returns', () => {
    expect(waitsForFee('receive', { paid: false }, 'at_submission')).toBe(false);
    expect(waitsForFee('approve', { paid: false }, 'before_return')).toBe(false);
    expect(outcomeOf('return', facts('decided', false, true), 'import', 'before_return')).toBe('decided');
  });

  it('takes a payment once the file is decided, before its return', () => {
    const paid = decide(
      'pay',
      facts('decided', false, true),
      { reference: 'BL-12' },
      context('clerk', 'before_return'),
    );
    expect(paid).toMatchObject({ decided: { channel: 'offline', changes: { paid: true } } });
    expect(paid).toMatchObject({
      decided: { followUps: [{ kind: 'form', form: 'fee-receipt' }, { kind: 'notice' }] },
    });
  });
});

describe('cash at the counter', () => {
  it('needs the cash receipt number of an offline payment, naming the field', () => {
    expect(outcomeOf('pay', facts('in_progress', false), 'clerk', 'before_return')).toEqual({
      reason: 'fields',
      problems: [
        {
          field: 'reference',
          problems: ['reference is required for an offline payment: the cash receipt number'],
        },
      ],
    });
    expect(
      outcomeOf('pay', facts('in_progress', false), 'clerk', 'before_return', { reference: 'BL-12' }),
    ).toBe('decided');
  });

  it('lets the import replay an offline payment without its number', () => {
    const request = { channel: 'offline' as const };
    expect(outcomeOf('pay', facts('in_progress', false), 'import', 'before_return', request)).toBe('decided');
  });
});
