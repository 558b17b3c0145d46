import { describe, expect, it } from 'vitest';

import type { NoticeSubject } from './applicant-notice';
import { applicantNotice, applicantNoticeKind } from './applicant-notice';

const application = (fields: Partial<NoticeSubject>) =>
  ({
    id: 'app-1',
    version: 4,
    applicantId: 'citizen-1',
    applicantEmail: 'a@example.vn',
    receivedAt: new Date('2026-11-23T02:00:00Z'),
    dueAt: new Date('2026-11-26T02:00:00Z'),
    outcome: null,
    decidedAt: null,
    closedAt: null,
    appointmentAt: null,
    ...fields,
  }) as NoticeSubject;

describe('applicant notices', () => {
  it('tells the applicant of reception, refusal, supplement requests, decisions, an online return and apologies', () => {
    expect(applicantNoticeKind('receive', 'online')).toBe('file_received');
    expect(applicantNoticeKind('register_counter', 'offline')).toBe('file_received');
    expect(applicantNoticeKind('request_supplement', 'online')).toBe('supplement_requested');
    expect(applicantNoticeKind('refuse', 'online')).toBe('file_refused');
    expect(applicantNoticeKind('deny', 'online')).toBe('decision_made');
    expect(applicantNoticeKind('return', 'online')).toBe('result_ready');
    expect(applicantNoticeKind('return', 'offline')).toBeNull();
    expect(applicantNoticeKind('extend', 'online')).toBe('apology');
    expect(applicantNoticeKind('sign', 'online')).toBeNull();
  });

  it('goes to the account when there is one, keyed by application, kind and version', () => {
    expect(applicantNotice('receive', 'online', application({}), null)).toEqual({
      key: 'app-1:file_received:v4',
      kind: 'file_received',
      applicationId: 'app-1',
      recipient: { userId: 'citizen-1' },
      facts: { receivedAt: '2026-11-23T02:00:00.000Z', dueAt: '2026-11-26T02:00:00.000Z' },
    });
  });

  it('goes by e-mail, in Vietnamese, to an applicant without an account, and nowhere without an address', () => {
    const counter = application({ applicantId: null });
    expect(applicantNotice('register_counter', 'offline', counter, null)?.recipient).toEqual({
      email: 'a@example.vn',
      language: 'vi',
    });
    expect(
      applicantNotice('register_counter', 'offline', { ...counter, applicantEmail: null }, null),
    ).toBeNull();
  });

  it('quotes the action’s reason and missing documents', () => {
    const event = { data: { reason: 'Ảnh mờ', missingDocuments: ['CCCD'] } };
    expect(applicantNotice('request_supplement', 'online', application({}), event)?.facts).toEqual({
      reason: 'Ảnh mờ',
      missingDocuments: ['CCCD'],
    });
    expect(applicantNotice('refuse', 'online', application({}), event)?.facts).toEqual({ reason: 'Ảnh mờ' });
  });
});
