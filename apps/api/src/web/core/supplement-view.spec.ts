import { describe, expect, it } from 'vitest';

import type { ApplicationDto } from '@onegate/applications';

import { itemOfPart, supplementRequestOf } from './supplement-view';

const DOCUMENT = {
  name: 'Giấy đề nghị',
  mandatory: true,
  acceptedTypes: ['application/pdf'],
  maxSizeBytes: 5 * 1024 * 1024,
};
const file = (id: string, documentName: string, uploadedAt: string, supplementRequest: number | null) => ({
  id,
  documentName,
  originalName: `${id}.pdf`,
  mediaType: 'application/pdf',
  sizeBytes: 10,
  sha256: '0'.repeat(64),
  uploadedAt,
  supplementRequest,
});

const application = {
  id: 'app-1',
  events: [
    {
      type: 'request_supplement',
      sequence: 4,
      at: '2026-03-10T03:00:00.000Z',
      data: { reason: 'Ảnh mờ', missingDocuments: ['Giấy đề nghị', 'Hợp đồng thuê nhà'] },
    },
  ],
  attachments: [
    file('v1', 'Giấy đề nghị', '2026-03-09T03:00:00.000Z', null),
    file('v3', 'Giấy đề nghị', '2026-03-11T04:00:00.000Z', 4),
    file('v2', 'Giấy đề nghị', '2026-03-11T03:00:00.000Z', 4),
  ],
} as unknown as ApplicationDto;

describe('the last supplement request, item by item', () => {
  it('gives each item its upload, its answers since the request and the last answer’s version', () => {
    const request = supplementRequestOf(application, [DOCUMENT])!;
    expect(request.reason).toBe('Ảnh mờ');
    const [document, lease] = request.items;
    expect(document).toMatchObject({ id: 'item-0', procedureDocument: true, document: DOCUMENT });
    expect(document!.answers.map((answer) => [answer.id, answer.version])).toEqual([
      ['v2', 2],
      ['v3', 3],
    ]);
    expect(document!.answer).toMatchObject({
      id: 'v3',
      version: 3,
      href: '/applications/app-1/documents/v3',
    });
    expect(lease).toMatchObject({ id: 'item-1', procedureDocument: false, answers: [], answer: null });
    expect(lease!.document).toMatchObject({ acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'] });
    expect(itemOfPart(request, 'item-1')?.name).toBe('Hợp đồng thuê nhà');
    expect(itemOfPart(request, 'document-1')).toBeUndefined();
  });

  it('is nothing for a file never asked for a supplement', () => {
    expect(supplementRequestOf({ ...application, events: [] }, [DOCUMENT])).toBeNull();
  });
});
