import { Signer } from '@signpdf/utils';
import forge from 'node-forge';

import type { SigningIdentity } from './signing-identity';
import { decodedAttributes } from './signing-identity';

/**
 * A detached CMS (PKCS#7) signature over the PDF's signed byte ranges, SHA-256 with RSA, with the
 * content type, signing time and message digest as signed attributes: `adbe.pkcs7.detached`, what
 * PDF readers and pdfsig check. Unlike @signpdf/signer-p12 it reads the PKCS#12 file once, and it
 * names the issuer with decoded attributes, so certificates with Vietnamese names verify.
 */
export class CmsSigner extends Signer {
  public constructor(private readonly identity: SigningIdentity) {
    super();
  }

  public override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const { privateKey, certificate, chain } = this.identity;
    const signed = forge.pkcs7.createSignedData();
    signed.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const cert of chain) signed.addCertificate(cert);
    signed.addSigner({
      key: privateKey,
      // forge's types want the certificate; issuer and serial number are its documented alternative.
      issuer: decodedAttributes(certificate.issuer.attributes),
      serialNumber: certificate.serialNumber,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    } as unknown as Parameters<typeof signed.addSigner>[0]);
    signed.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(signed.toAsn1()).getBytes(), 'binary');
  }
}
