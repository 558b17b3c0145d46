import { describe, expect, it } from 'vitest';

import type { Application, Attachment, DocumentReview, IssuedResult } from '@onegate/persistence';

import { storeDocumentFits, storeDocumentsOf } from './document-store';
import type { StoreDocument } from './document-store';

const DOCUMENT = 'Giấy đề nghị';
const at = (minute: number) => new Date(Date.UTC(2026, 9, 6, 2, minute));

const file = (id: string, outcome: 'approved' | 'denied' | null = null) =>
  ({
    id,
    code: `QN-HL-261006-${id}`,
    outcome,
    procedure: { code: '1.001612', nameVi: 'Đăng ký hộ kinh doanh', nameEn: 'Household business' },
  }) as unknown as Application;

const version = (id: string, applicationId: string, minute: number, documentName: string | null = DOCUMENT) =>
  ({
    id,
    applicationId,
    documentName,
    originalName: `${id}.pdf`,
    mediaType: 'application/pdf',
    sizeBytes: 100,
    storageKey: `key-${id}`,
    origin: documentName?.startsWith('form:') ? 'issued' : 'uploaded',
    uploadedAt: at(minute),
  }) as Attachment;

const review = (applicationId: string, decision: 'accepted' | 'rejected', minute: number) =>
  ({
    id: `r-${applicationId}-${minute}`,
    applicationId,
    documentName: DOCUMENT,
    decision,
    reviewedAt: at(minute),
  }) as DocumentReview;

const none = { reviews: [], results: [], returnedOnline: new Set<string>() };

describe('the citizen’s document store', () => {
  it('takes the version the clerk’s last acceptance saw, not one sent after it', () => {
    const documents = storeDocumentsOf({
      ...none,
      applications: [file('A')],
      attachments: [version('v1', 'A', 1), version('v2', 'A', 2), version('v3', 'A', 9)],
      reviews: [review('A', 'rejected', 0), review('A', 'accepted', 5)],
    });
    expect(documents.map((document) => document.id)).toEqual(['v2']);
  });

  it('leaves out a document whose last review rejects it, or that nobody reviewed, unless the file was approved', () => {
    const files = {
      ...none,
      applications: [file('A'), file('B'), file('C', 'approved')],
      attachments: [
        version('a1', 'A', 1),
        version('b1', 'B', 1),
        version('c1', 'C', 1),
        version('c2', 'C', 3),
      ],
      reviews: [review('A', 'accepted', 2), review('A', 'rejected', 4), review('C', 'rejected', 2)],
    };
    expect(storeDocumentsOf(files).map((document) => document.id)).toEqual(['c2']);
  });

  it('never lists a form OneGate issued or a message’s file; lists a result only once returned online', () => {
    const result = {
      id: 'res',
      applicationId: 'C',
      code: 'QN-HL-261006-C',
      kind: 'result',
      sizeBytes: 900,
      storageKey: 'key-res',
      signedAt: at(30),
    } as IssuedResult;
    const files = {
      ...none,
      applications: [file('C', 'approved')],
      attachments: [
        version('form', 'C', 1, 'form:receipt'),
        version('msg', 'C', 2, 'message:1'),
        version('c1', 'C', 3),
      ],
      results: [result],
    };
    expect(storeDocumentsOf(files).map((document) => document.id)).toEqual(['c1']);
    const returned = storeDocumentsOf({ ...files, returnedOnline: new Set(['C']) });
    expect(returned.map((document) => [document.id, document.name, document.documentType])).toEqual([
      ['res', 'ket-qua-QN-HL-261006-C.pdf', 'result'],
      ['c1', 'c1.pdf', DOCUMENT],
    ]);
  });

  it('fits a document accepted under the same name, or an approval’s result, of a type and size the slot takes', () => {
    const slot = { name: DOCUMENT, acceptedTypes: ['application/pdf'], maxSizeBytes: 1000 };
    const stored = { kind: 'document', documentType: DOCUMENT, mediaType: 'application/pdf', sizeBytes: 10 };
    const fits = (document: Partial<StoreDocument>) =>
      storeDocumentFits({ ...stored, ...document } as StoreDocument, slot);
    expect(fits({})).toBe(true);
    expect(fits({ documentType: 'Tờ khai khác' })).toBe(false);
    expect(fits({ mediaType: 'image/png' })).toBe(false);
    expect(fits({ sizeBytes: 1001 })).toBe(false);
    expect(fits({ kind: 'result', documentType: 'result' })).toBe(true);
    expect(fits({ kind: 'result', documentType: 'decision_letter' })).toBe(false);
  });
});
