import { describe, expect, it } from 'vitest';

import { procedureDocumentsAmong, supplementItemsOf, unansweredItems } from './supplement-items';

const DOCUMENTS = ['Giấy đề nghị đăng ký hộ kinh doanh', 'Bản sao CCCD'];
/** The sequence of the request's event. */
const REQUEST = 7;

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

  it('counts as answers only the files under an item sent for the request', () => {
    const items = supplementItemsOf({ missingDocuments: ['Bản sao CCCD', 'Hợp đồng thuê nhà'] }, DOCUMENTS);
    const earlier = [
      { documentName: 'Bản sao CCCD', supplementRequest: null },
      { documentName: 'Bản sao CCCD', supplementRequest: 4 },
    ];
    expect(unansweredItems(items, REQUEST, earlier)).toEqual(items);
    const files = [
      { documentName: 'Bản sao CCCD', supplementRequest: REQUEST },
      { documentName: 'Giấy đề nghị đăng ký hộ kinh doanh', supplementRequest: REQUEST },
    ];
    expect(unansweredItems(items, REQUEST, files).map((item) => item.name)).toEqual(['Hợp đồng thuê nhà']);
    const all = [...files, { documentName: 'Hợp đồng thuê nhà', supplementRequest: REQUEST }];
    expect(unansweredItems(items, REQUEST, all)).toEqual([]);
  });
});
