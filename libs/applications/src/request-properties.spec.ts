import fc from 'fast-check';
import { describe } from 'vitest';

import { ACTIONS } from '@onegate/domain';

import { requestClassProperties } from '../../../test/support/request-properties';
import { email, isoTime, nationalId, someOf, text, uuid } from '../../../test/support/valid-values';
import { ActionRequest } from './action.request';
import { CreateDraftRequest, RegisterCounterRequest, UpdateFormRequest } from './application.requests';

/** Form data is checked against the procedure's schema later; here it only has to be an object. */
const formData = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }));

describe('application requests', () => {
  requestClassProperties({
    metatype: CreateDraftRequest,
    type: 'body',
    fields: ['procedureCode', 'formData'],
    valid: fc.record({ procedureCode: text(32), formData }, { requiredKeys: ['procedureCode'] }),
    wrong: { formData: ['a', 'list'] },
  });
  requestClassProperties({
    metatype: RegisterCounterRequest,
    type: 'body',
    fields: ['procedureCode', 'applicant', 'formData', 'note'],
    valid: fc.record(
      {
        procedureCode: text(32),
        applicant: fc.record(
          { nationalId, fullName: text(255), email },
          { requiredKeys: ['nationalId', 'fullName'] },
        ),
        formData,
        note: fc.string({ maxLength: 2000 }),
      },
      { requiredKeys: ['procedureCode', 'applicant', 'formData'] },
    ),
  });
  requestClassProperties({
    metatype: UpdateFormRequest,
    type: 'body',
    fields: ['formData', 'version'],
    valid: fc.record({ formData, version: fc.integer({ min: 1 }) }, { requiredKeys: ['formData'] }),
  });
  requestClassProperties({
    metatype: ActionRequest,
    type: 'body',
    fields: [
      'action',
      'reason',
      'missingDocuments',
      'appointmentAt',
      'reference',
      'assigneeId',
      'channel',
      'note',
      'version',
    ],
    valid: fc
      .tuple(
        fc.constantFrom(...ACTIONS.filter((action) => action !== 'register_counter')),
        someOf({
          reason: text(2000),
          missingDocuments: fc.array(text(500), { minLength: 1, maxLength: 5 }),
          appointmentAt: isoTime,
          reference: text(100),
          assigneeId: uuid,
          channel: fc.constantFrom('online', 'offline'),
          note: fc.string({ maxLength: 2000 }),
          version: fc.integer({ min: 1 }),
        }),
      )
      .map(([action, fields]) => ({ action, ...fields })),
  });
});
