import { describe, expect, it } from 'vitest';

import type { ApplicationDto } from '@onegate/applications';
import type { DocumentReview } from '@onegate/persistence';

import { checklistOf, previewOf, rejectedOf } from './document-checklist';

const FORM = 'Giấy đề nghị';
const PLAN = 'Bản vẽ mặt bằng';
const LEASE = 'Hợp đồng thuê nhà';
const file = (id: string, documentName: string, uploadedAt: string, supplementRequest: number | null) => ({
  id,
  documentName,
  originalName: `${id}.pdf`,
  mediaType: id.endsWith('zip') ? 'application/zip' : 'application/pdf',
  sizeBytes: 2048,
  sha256: '0'.repeat(64),
  uploadedAt,
  supplementRequest,
  // A document imported without a copy has no bytes (docs/documents.md, "Where a document came from").
  stored: !id.startsWith('imported'),
});
const review = (documentName: string, decision: 'accepted' | 'rejected', at: string): DocumentReview => ({
  id: `${documentName}-${at}`,
  applicationId: 'app-1',
  documentName,
  decision,
  note: null,
  reviewedBy: 'clerk-1',
  reviewedAt: new Date(at),
});

const application = {
  id: 'app-1',
  events: [
    {
      type: 'request_supplement',
      sequence: 4,
      at: '2026-03-10T03:00:00.000Z',
      data: { reason: 'Ảnh mờ', missingDocuments: [FORM, LEASE], procedureDocuments: [FORM] },
    },
  ],
  attachments: [
    file('v1', FORM, '2026-03-09T03:00:00.000Z', null),
    file('v2', FORM, '2026-03-11T03:00:00.000Z', 4),
    file('plan', PLAN, '2026-03-09T03:00:00.000Z', null),
  ],
} as unknown as ApplicationDto;
const required = [
  { name: FORM, mandatory: true },
  { name: PLAN, mandatory: true },
];

describe('the file checklist', () => {
  it('lists the procedure documents, then the own-words items, each with its state', () => {
    const reviews = [
      review(FORM, 'rejected', '2026-03-09T05:00:00.000Z'),
      review(PLAN, 'accepted', '2026-03-09T05:00:00.000Z'),
    ];
    const checklist = checklistOf(application, required, reviews, 'v2');
    expect(checklist.map((item) => [item.name, item.status, item.ownItem])).toEqual([
      [FORM, 'present', false], // rejected, but a version came since
      [PLAN, 'accepted', false],
      [LEASE, 'missing', true],
    ]);
    const [newest, oldest] = checklist[0]!.versions;
    expect(newest).toMatchObject({
      version: 2,
      supplementOf: '2026-03-10T03:00:00.000Z',
      newSinceReview: true,
      previewed: true,
    });
    expect(oldest).toMatchObject({ version: 1, supplementOf: null, newSinceReview: false, previewed: false });
  });

  it('keeps a rejection while no version came after it, and seeds the supplement request with it', () => {
    const reviews = [
      review(FORM, 'accepted', '2026-03-09T04:00:00.000Z'),
      review(FORM, 'rejected', '2026-03-12T04:00:00.000Z'),
      review(PLAN, 'rejected', '2026-03-12T04:00:00.000Z'),
    ];
    const checklist = checklistOf(application, required, reviews, null);
    expect(checklist.map((item) => item.status)).toEqual(['rejected', 'rejected', 'missing']);
    expect(rejectedOf(checklist)).toEqual({ documents: [FORM, PLAN], other: '' });
  });

  it('previews only a PDF or image of the file itself', () => {
    expect(previewOf(application, 'v1')).toEqual({
      name: 'v1.pdf',
      href: '/applications/app-1/documents/v1',
      pdf: true,
    });
    expect(previewOf(application, 'another-file')).toBeNull();
    expect(previewOf(application, null)).toBeNull();
  });

  it('offers neither a download nor a preview of a document imported without a copy', () => {
    const imported = {
      ...application,
      attachments: [file('imported-1', PLAN, '2026-03-09T03:00:00.000Z', null)],
    } as unknown as typeof application;
    const plan = checklistOf(imported, [{ name: PLAN, mandatory: true }], [], null).find(
      (item) => item.name === PLAN,
    )!;
    expect(plan.versions).toHaveLength(1);
    expect(plan.versions[0]).toMatchObject({ href: null, previewHref: null });
    expect(previewOf(imported, 'imported-1')).toBeNull();
  });
});
