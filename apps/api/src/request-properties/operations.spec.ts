import fc from 'fast-check';
import { describe } from 'vitest';

import { APPLICATION_STATES, LANGUAGES } from '@onegate/domain';
import { MAX_PAGE } from '@onegate/persistence';
import { BREAKDOWN_GROUPINGS, EXPORT_FORMATS } from '@onegate/reporting';

import { requestClassProperties } from '../../../../test/support/request-properties';
import { localDate, nationalId, someOf, text, uuid, wholeText } from '../../../../test/support/valid-values';
import { QueueQueryDto, TrackRequestDto } from '../applications/applications.query';
import { UploadFields } from '../applications/attachments.controller';
import { CalendarQuery, CreateOverrideRequest, OverrideQuery } from '../calendar/calendar.dto';
import { InboxQuery, PreviewQuery } from '../notifications/notification.dto';
import { RatingRequest } from '../reports/rating.request';
import {
  BreakdownExportQueryDto,
  BreakdownQueryDto,
  ReportQueryDto,
  SummaryExportQueryDto,
} from '../reports/report.query';
import { PingJobRequest } from '../system/ping-job.dto';

const period = { from: localDate, to: localDate };
const scope = { agency: text(32), procedure: text(32) };
const code = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/);

describe('operations requests', () => {
  requestClassProperties({
    metatype: ReportQueryDto,
    type: 'query',
    fields: ['from', 'to', 'agency', 'procedure'],
    valid: fc.record({ ...period, ...scope }, { requiredKeys: ['from', 'to'] }),
  });
  requestClassProperties({
    metatype: BreakdownQueryDto,
    type: 'query',
    fields: ['from', 'to', 'agency', 'procedure', 'groupBy'],
    valid: fc.record(
      { ...period, ...scope, groupBy: fc.constantFrom(...BREAKDOWN_GROUPINGS) },
      { requiredKeys: ['from', 'to', 'groupBy'] },
    ),
  });
  requestClassProperties({
    metatype: SummaryExportQueryDto,
    type: 'query',
    fields: ['from', 'to', 'agency', 'procedure', 'format', 'lang'],
    valid: fc.record(
      {
        ...period,
        ...scope,
        format: fc.constantFrom(...EXPORT_FORMATS),
        lang: fc.constantFrom(...LANGUAGES),
      },
      { requiredKeys: ['from', 'to', 'format'] },
    ),
  });
  requestClassProperties({
    metatype: BreakdownExportQueryDto,
    type: 'query',
    fields: ['from', 'to', 'format', 'groupBy'],
    valid: fc.record({
      ...period,
      format: fc.constantFrom(...EXPORT_FORMATS),
      groupBy: fc.constantFrom(...BREAKDOWN_GROUPINGS),
    }),
  });
  requestClassProperties({
    metatype: RatingRequest,
    type: 'body',
    fields: ['score', 'comment'],
    valid: someOf({ score: fc.integer({ min: 1, max: 5 }), comment: fc.string({ maxLength: 2000 }) }),
  });
  requestClassProperties({
    metatype: CalendarQuery,
    type: 'query',
    fields: ['from', 'to', 'agency'],
    valid: fc.record({ ...period, agency: text(32) }, { requiredKeys: ['from', 'to'] }),
  });
  requestClassProperties({
    metatype: OverrideQuery,
    type: 'query',
    fields: ['year'],
    valid: someOf({ year: wholeText(1, 9999) }),
  });
  requestClassProperties({
    metatype: CreateOverrideRequest,
    type: 'body',
    fields: ['date', 'kind', 'reason'],
    valid: fc.record({ date: localDate, kind: fc.constantFrom('day_off', 'working_day'), reason: text(255) }),
  });
  requestClassProperties({
    metatype: InboxQuery,
    type: 'query',
    fields: ['page', 'pageSize', 'unread'],
    valid: someOf({ page: wholeText(1, MAX_PAGE), unread: fc.constantFrom('true', 'false') }),
  });
  requestClassProperties({
    metatype: PreviewQuery,
    type: 'query',
    fields: ['lang', 'agency', 'procedure'],
    valid: someOf({ lang: fc.constantFrom(...LANGUAGES), agency: code, procedure: code }),
  });
  requestClassProperties({
    metatype: PingJobRequest,
    type: 'body',
    fields: ['note'],
    valid: someOf({ note: fc.string({ maxLength: 200 }) }),
  });
  requestClassProperties({
    metatype: UploadFields,
    type: 'body',
    fields: ['documentName'],
    valid: someOf({ documentName: fc.string({ maxLength: 255 }) }),
  });
  requestClassProperties({
    metatype: QueueQueryDto,
    type: 'query',
    fields: ['state', 'procedure', 'assignee', 'dueSoon', 'overdue', 'cursor', 'limit', 'page'],
    valid: someOf({
      state: fc
        .uniqueArray(fc.constantFrom(...APPLICATION_STATES), { minLength: 1 })
        .map((states) => states.join(',')),
      procedure: fc.string({ maxLength: 32 }),
      assignee: uuid,
      dueSoon: fc.constantFrom('true', 'false'),
      overdue: fc.constantFrom('true', 'false'),
      cursor: fc.string({ maxLength: 200 }),
      limit: wholeText(1, 100),
      page: wholeText(1, MAX_PAGE),
    }),
  });
  requestClassProperties({
    metatype: TrackRequestDto,
    type: 'body',
    fields: ['code', 'nationalId'],
    valid: fc.record({ code: fc.string({ maxLength: 64 }), nationalId }),
  });
});
