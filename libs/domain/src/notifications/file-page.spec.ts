import { describe, expect, it } from 'vitest';

import { noticePagePath } from './file-page';

const FEEDBACK_ID = '5f0c8a4e-2b7d-4c1e-9a3f-6d2e8b1c4a70';
const FILE_ID = '0b9e7d2c-3a41-4f5e-8c6d-1a2b3c4d5e6f';

describe('noticePagePath', () => {
  it('leads a feedback notice to the feedback page of whoever is told', () => {
    const answered = {
      kind: 'feedback_answered',
      applicationId: null,
      notificationKey: `${FEEDBACK_ID}:feedback_answered:user-1`,
    };
    expect(noticePagePath('citizen', answered)).toBe(`/my/feedback/${FEEDBACK_ID}`);
    const overdue = {
      ...answered,
      kind: 'feedback_overdue',
      notificationKey: `${FEEDBACK_ID}:feedback_overdue:u`,
    };
    expect(noticePagePath('clerk', overdue)).toBe(`/staff/feedback/${FEEDBACK_ID}`);
    expect(noticePagePath('supervisor', overdue)).toBe(`/staff/feedback/${FEEDBACK_ID}`);
  });

  it('leads any other notice to its file, as before', () => {
    const received = { kind: 'received', applicationId: FILE_ID, notificationKey: `${FILE_ID}:received:1` };
    expect(noticePagePath('citizen', received)).toBe(`/my/applications/${FILE_ID}`);
    expect(noticePagePath('clerk', received)).toBe(`/staff/applications/${FILE_ID}`);
  });
});
