import fc from 'fast-check';
import { describe } from 'vitest';

import { FORM_FIELD_TYPES } from '@onegate/domain';
import { MAX_PAGE } from '@onegate/persistence';

import { requestClassProperties } from '../../../../test/support/request-properties';
import { someOf, text, wholeText } from '../../../../test/support/valid-values';
import {
  CreateProcedureRequest,
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  MAX_FEE_VND,
  MAX_PROCESSING_HOURS,
  ONLINE_LEVELS,
  SUPPLEMENT_POLICIES,
  UpdateProcedureRequest,
} from '../catalogue/admin-procedures.dto';
import { PageQuery, ProcedureQuery } from '../catalogue/catalogue.dto';

const requiredDocument = fc.record({
  name: text(255),
  mandatory: fc.boolean(),
  acceptedTypes: fc.uniqueArray(fc.constantFrom(...DOCUMENT_TYPES), { minLength: 1 }),
  maxSizeBytes: fc.integer({ min: 1, max: MAX_DOCUMENT_BYTES }),
});

/** A field of the procedure editor: bounds in order, options for a select, a pattern that compiles. */
export const formField = fc
  .record({
    name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,20}$/),
    label: fc.record({ vi: text(255), en: text(255) }),
    type: fc.constantFrom(...FORM_FIELD_TYPES),
    required: fc.boolean(),
    bounds: fc.option(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }))),
    pattern: fc.option(fc.constantFrom('\\d+', '[A-Z]{2}-\\d{3}', '.*', '[\\p{L} ]+', 'a|b')),
    options: fc.uniqueArray(text(255), { minLength: 1, maxLength: 5 }),
  })
  .map(({ bounds, pattern, options, ...field }) => ({
    ...field,
    ...(bounds ? { min: Math.min(...bounds), max: Math.max(...bounds) } : {}),
    ...(pattern !== null ? { pattern } : {}),
    ...(field.type === 'select' ? { options } : {}),
  }));

const procedure = {
  nameVi: text(500),
  nameEn: text(500),
  field: text(128),
  agencyCode: text(32),
  processingHours: fc.integer({ min: 1, max: MAX_PROCESSING_HOURS }),
  onlineLevel: fc.constantFrom(...ONLINE_LEVELS),
  feeVnd: fc.integer({ min: 0, max: MAX_FEE_VND }),
  supplementPolicy: fc.constantFrom(...SUPPLEMENT_POLICIES),
  requiredDocuments: fc.array(requiredDocument, { maxLength: 3 }),
  formSchema: fc.array(formField, { maxLength: 4 }),
  resultTemplate: fc.string({ maxLength: 200 }),
};
const procedureFields = Object.keys(procedure) as (keyof typeof procedure)[];

describe('catalogue requests', () => {
  requestClassProperties({
    metatype: CreateProcedureRequest,
    type: 'body',
    fields: ['code', ...procedureFields],
    valid: fc.record(
      { code: fc.stringMatching(/^\d{1,3}(\.\d{1,6}){1,3}$/), ...procedure },
      { requiredKeys: ['code' as const, ...procedureFields.filter((name) => name !== 'resultTemplate')] },
    ),
  });
  requestClassProperties({
    metatype: UpdateProcedureRequest,
    type: 'body',
    fields: procedureFields,
    valid: someOf(procedure),
  });
  requestClassProperties({
    metatype: PageQuery,
    type: 'query',
    fields: ['page', 'pageSize'],
    valid: someOf({ page: wholeText(1, MAX_PAGE), pageSize: wholeText(1, 100) }),
  });
  requestClassProperties({
    metatype: ProcedureQuery,
    type: 'query',
    fields: ['page', 'pageSize', 'q', 'field', 'agency', 'onlineLevel', 'includeRetired'],
    valid: someOf({
      page: wholeText(1, MAX_PAGE),
      q: fc.string({ maxLength: 200 }),
      field: fc.string({ maxLength: 128 }),
      agency: fc.string({ maxLength: 32 }),
      onlineLevel: fc.constantFrom(...ONLINE_LEVELS),
      includeRetired: fc.constantFrom('true', 'false'),
    }),
  });
});
