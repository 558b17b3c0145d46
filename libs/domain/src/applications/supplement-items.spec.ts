import { describe, expect, it } from 'vitest';

import { procedureDocumentsAmong, supplementItemsOf, unansweredItems } from './supplement-items';

const DOCUMENTS = ['Giấy đề nghị đăng ký hộ kinh doanh', 'Bản sao CCCD'];
const REQUESTED_AT = new Date('2026-03-10T03:00:00Z');

describe('supplement items', () => {
  it('records which items are the procedure documents, each once', () => {
    expect(procedureDocumentsAmong(['Hợp đồng thuê nhà', 'Bản sao CCCD', 'Bản sao CCCD'], DOCUMENTS)).toEqual(
      ['Bản sao CCCD'],
    );
  });

  it('reads the recorded procedure documents, not today’s names', () => {
    const data = {
      missingDocuments: ['Bản sao CCCD', 'Hợp đồng thuê nhà'],
      procedureDocuments: ['Hợp đồng thuê nhà'],
    };
    expect(supplementItemsOf(data, DOCUMENTS)).toEqual([
      { name: 'Bản sao CCCD', procedureDocument: false },
      { name: 'Hợp đồng thuê nhà', procedureDocument: true },
    ]);
  });

  it('reads an event recorded before procedureDocuments by the procedure’s names, each item once', () => {
    const data = { missingDocuments: ['Bản sao CCCD', 'Hợp đồng thuê nhà', 'Bản sao CCCD'] };
    expect(supplementItemsOf(data, DOCUMENTS)).toEqual([
      { name: 'Bản sao CCCD', procedureDocument: true },
      { name: 'Hợp đồng thuê nhà', procedureDocument: false },
    ]);
    expect(supplementItemsOf({}, DOCUMENTS)).toEqual([]);
  });

  it('counts as answers only the files under an item uploaded since the request', () => {
    const items = supplementItemsOf({ missingDocuments: ['Bản sao CCCD', 'Hợp đồng thuê nhà'] }, DOCUMENTS);
    const before = new Date(REQUESTED_AT.getTime() - 1);
    expect(
      unansweredItems(items, REQUESTED_AT, [{ documentName: 'Bản sao CCCD', uploadedAt: before }]),
    ).toEqual(items);
    const files = [
      { documentName: 'Bản sao CCCD', uploadedAt: REQUESTED_AT },
      { documentName: 'Giấy đề nghị đăng ký hộ kinh doanh', uploadedAt: REQUESTED_AT },
    ];
    expect(unansweredItems(items, REQUESTED_AT, files).map((item) => item.name)).toEqual([
      'Hợp đồng thuê nhà',
    ]);
    const all = [...files, { documentName: 'Hợp đồng thuê nhà', uploadedAt: REQUESTED_AT }];
    expect(unansweredItems(items, REQUESTED_AT, all)).toEqual([]);
  });
});
