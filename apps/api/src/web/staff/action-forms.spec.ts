import { describe, expect, it } from 'vitest';

import { ACTIONS, fieldsTaken } from '@onegate/domain';

import { actionForms } from './action-forms';

describe('staff action forms', () => {
  it('offer no input for an action field the action table does not take', () => {
    for (const form of actionForms([...ACTIONS], null, new Date('2026-11-23T02:00:00Z'))) {
      const offered = Object.entries(form.fields)
        .filter(([, shown]) => shown)
        .map(([field]) => field);
      // An internal note and a message to the applicant fit every action (docs/messages.md).
      const taken = [...fieldsTaken(form.action), 'channel', 'note', 'message'];
      expect({ action: form.action, foreign: offered.filter((field) => !taken.includes(field)) }).toEqual({
        action: form.action,
        foreign: [],
      });
    }
  });
});
