// The upload of the submit journey: one small PDF as the procedure's required document.

export const UPLOAD_BOUNDARY = 'onegate-bench-boundary';
// The smallest PDF the upload's content sniffing accepts.
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/** A multipart body (boundary UPLOAD_BOUNDARY) with the document's name and the file. */
export function uploadBody(documentName) {
  return Buffer.from(
    [
      `--${UPLOAD_BOUNDARY}`,
      'Content-Disposition: form-data; name="documentName"',
      '',
      documentName,
      `--${UPLOAD_BOUNDARY}`,
      'Content-Disposition: form-data; name="file"; filename="to-khai.pdf"',
      'Content-Type: application/pdf',
      '',
      PDF,
      `--${UPLOAD_BOUNDARY}--`,
      '',
    ].join('\r\n'),
  );
}
