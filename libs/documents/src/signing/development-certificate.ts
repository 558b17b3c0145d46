import { generateKeyPairSync, randomBytes } from 'node:crypto';

import forge from 'node-forge';

import { UTF8_STRING } from './signing-identity';

const YEAR_MS = 365 * 24 * 3_600_000;
export const DEVELOPMENT_PASSPHRASE = 'onegate-development';
export const DEVELOPMENT_SIGNER = 'Cơ quan thử nghiệm OneGate';

/**
 * A self-signed agency certificate for development and tests (never production): RSA 2048, SHA-256,
 * for digital signature and non-repudiation, as a PKCS#12 file. It is valid from five years back,
 * because tests set OneGate's clock to other dates.
 */
export function createDevelopmentCertificate(now: Date): Buffer {
  // Node makes the key natively; forge, in pure JavaScript, takes seconds for the same.
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const privateKey = forge.pki.privateKeyFromPem(keys.privateKey);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(keys.publicKey);
  // A positive serial number: the first bit clear.
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = new Date(now.getTime() - 5 * YEAR_MS);
  certificate.validity.notAfter = new Date(now.getTime() + 10 * YEAR_MS);
  const name = [
    { shortName: 'CN', value: DEVELOPMENT_SIGNER, valueTagClass: UTF8_STRING },
    { shortName: 'O', value: 'OneGate (development, no legal value)', valueTagClass: UTF8_STRING },
    { shortName: 'C', value: 'VN' },
  ] as forge.pki.CertificateField[];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate], DEVELOPMENT_PASSPHRASE, {
    algorithm: '3des',
  });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
