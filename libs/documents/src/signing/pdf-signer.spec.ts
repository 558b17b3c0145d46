import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { AppConfig, loadConfig } from '@onegate/config';

import { parseDocumentMarkup } from '../markup/document-markup';
import { PdfRenderer } from '../pdf/pdf-renderer';
import {
  createDevelopmentCertificate,
  DEVELOPMENT_PASSPHRASE,
  DEVELOPMENT_SIGNER,
} from './development-certificate';
import { PdfSigner } from './pdf-signer';

/** Every file this spec writes, removed at its end. */
const scratch = mkdtempSync(join(tmpdir(), 'onegate-pdf-signer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pdfsigInstalled = spawnSync('sh', ['-c', 'command -v pdfsig']).status === 0;
if (!pdfsigInstalled) {
  console.warn(
    '\n*** pdfsig is not installed: the PDF signature checks are SKIPPED. ' +
      'Install Debian poppler-utils (apt-get install -y poppler-utils). ***\n',
  );
}

/** pdfsig's verdict on the (first) signature of a PDF, e.g. "Signature is Valid." */
function pdfsig(pdf: Buffer): { validation: string; signer: string; output: string } {
  const file = join(mkdtempSync(join(scratch, 'onegate-pdfsig-')), 'document.pdf');
  writeFileSync(file, pdf);
  const { stdout, stderr } = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  const output = `${stdout}${stderr}`;
  return {
    validation: /Signature Validation: (.+)/.exec(output)?.[1]?.trim() ?? '',
    signer: /Signer Certificate Common Name: (.*)/.exec(output)?.[1]?.trim() ?? '',
    output,
  };
}

const configWith = (env: Record<string, string>) =>
  loadConfig({ NODE_ENV: 'test', STORAGE_DIR: mkdtempSync(join(scratch, 'onegate-signing-')), ...env });

async function unsignedPdf(): Promise<Buffer> {
  const blocks = parseDocumentMarkup('<h1>KẾT QUẢ</h1><p>Đăng ký thành lập hộ kinh doanh</p>');
  return new PdfRenderer().render(blocks, { title: 'Kết quả', author: 'OneGate', createdAt: new Date() });
}

describe('PdfSigner', () => {
  it('makes a self-signed development certificate at the first start and keeps it', async () => {
    const config = configWith({});
    const first = new PdfSigner(config);
    await first.onModuleInit();
    const file = join(config.storageDir, 'signing', 'development-agency.p12');
    const made = readFileSync(file);
    const second = new PdfSigner(config);
    await second.onModuleInit();
    expect(readFileSync(file)).toEqual(made);
    expect(readdirSync(join(config.storageDir, 'signing'))).toEqual(['development-agency.p12']);
    expect(first.signerName).toBe(DEVELOPMENT_SIGNER);
    expect(second.signerName).toBe(DEVELOPMENT_SIGNER);
  });

  it.skipIf(!pdfsigInstalled)(
    'signs so that pdfsig finds the signature valid, and a changed byte invalid',
    async () => {
      const signer = new PdfSigner(configWith({}));
      await signer.onModuleInit();
      const signed = await signer.sign(await unsignedPdf(), {
        reason: 'Kết quả giải quyết hồ sơ QN-HL-260903-0001',
        location: 'UBND thành phố Hạ Long',
        signingTime: new Date(),
      });
      const verdict = pdfsig(signed);
      expect(verdict.validation, verdict.output).toBe('Signature is Valid.');
      expect(verdict.signer).toBe(DEVELOPMENT_SIGNER);
      expect(verdict.output).toContain('Total document signed');

      const tampered = Buffer.from(signed);
      const at = tampered.indexOf('OneGate');
      tampered[at] = 'X'.charCodeAt(0);
      expect(pdfsig(tampered).validation).toBe('Digest Mismatch.');
    },
  );

  it('reads the agency certificate from SIGNING_CERT_PATH, and refuses a wrong passphrase or path', async () => {
    const directory = mkdtempSync(join(scratch, 'onegate-cert-'));
    const path = join(directory, 'agency.p12');
    writeFileSync(path, createDevelopmentCertificate(new Date()));
    const configured = new PdfSigner(
      configWith({ SIGNING_CERT_PATH: path, SIGNING_CERT_PASSPHRASE: DEVELOPMENT_PASSPHRASE }),
    );
    await configured.onModuleInit();
    expect(configured.signerName).toBe(DEVELOPMENT_SIGNER);

    const wrong = new PdfSigner(configWith({ SIGNING_CERT_PATH: path, SIGNING_CERT_PASSPHRASE: 'not it' }));
    await expect(wrong.onModuleInit()).rejects.toThrow(
      'SIGNING_CERT_PATH is not a PKCS#12 file that SIGNING_CERT_PASSPHRASE opens',
    );
    const missing = new PdfSigner(
      configWith({ SIGNING_CERT_PATH: join(directory, 'nowhere.p12'), SIGNING_CERT_PASSPHRASE: 'x' }),
    );
    await expect(missing.onModuleInit()).rejects.toThrow(/SIGNING_CERT_PATH .*nowhere\.p12 cannot be read/);
  });

  it('is never configured without a certificate in production', () => {
    const production = new AppConfig({ ...configWith({}), env: 'production', signing: null } as AppConfig);
    return expect(new PdfSigner(production).onModuleInit()).rejects.toThrow('SIGNING_CERT_PATH is required');
  });
});
