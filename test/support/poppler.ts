import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's poppler-utils: pdfsig checks PDF signatures, pdftotext extracts the text a reader sees. */
export const POPPLER_INSTALLED = ['pdfsig', 'pdftotext'].every(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0,
);

if (!POPPLER_INSTALLED) {
  console.warn(
    '\n*** pdfsig/pdftotext are not installed: the PDF signature and text checks are SKIPPED. ' +
      'Install Debian poppler-utils (apt-get install -y poppler-utils). ***\n',
  );
}

function withFile<T>(pdf: Buffer, work: (file: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'onegate-pdf-'));
  try {
    const file = join(directory, 'document.pdf');
    writeFileSync(file, pdf);
    return work(file);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** pdfsig's verdict on the first signature: e.g. "Signature is Valid." or "Digest Mismatch." */
export function pdfsig(pdf: Buffer): { validation: string; signer: string; output: string } {
  const output = withFile(pdf, (file) => {
    const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    return `${run.stdout}${run.stderr}`;
  });
  return {
    validation: /Signature Validation: (.+)/.exec(output)?.[1]?.trim() ?? '',
    signer: /Signer Certificate Common Name: (.*)/.exec(output)?.[1]?.trim() ?? '',
    output,
  };
}

/** The text of a PDF as pdftotext reads it, white space (line breaks too) collapsed to single spaces. */
export function pdftotext(pdf: Buffer): string {
  return withFile(pdf, (file) =>
    spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' '),
  );
}

/** The same PDF with one byte changed, inside the signed bytes (the document's producer name). */
export function withOneByteChanged(pdf: Buffer): Buffer {
  const tampered = Buffer.from(pdf);
  const at = tampered.indexOf('OneGate');
  if (at < 0) throw new Error('no byte to change');
  tampered[at] ^= 0x20;
  return tampered;
}
