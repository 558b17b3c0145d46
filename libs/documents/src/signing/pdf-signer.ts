import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';

import { AppConfig } from '@onegate/config';

import { CmsSigner } from './cms-signer';
import { createDevelopmentCertificate, DEVELOPMENT_PASSPHRASE } from './development-certificate';
import type { SigningIdentity } from './signing-identity';
import { readPkcs12, SigningIdentityError } from './signing-identity';

export interface SignatureDetails {
  reason: string;
  location: string;
  signingTime: Date;
}

/** Room for the CMS signature in the PDF: the certificate chain of a real CA fits with margin. */
const SIGNATURE_BYTES = 16_384;

/**
 * Signs PDFs with the agency's certificate: SIGNING_CERT_PATH in production, or a self-signed one
 * made under STORAGE_DIR at the first start elsewhere. Loading happens at start-up, so a wrong path
 * or passphrase stops the worker with one line instead of failing every result later.
 */
@Injectable()
export class PdfSigner implements OnModuleInit {
  private readonly logger = new Logger(PdfSigner.name);
  private identity: SigningIdentity | null = null;

  public constructor(private readonly config: AppConfig) {}

  public async onModuleInit(): Promise<void> {
    this.identity = await this.load();
  }

  public get signerName(): string {
    return this.loaded().signerName;
  }

  public async sign(pdf: Buffer, details: SignatureDetails): Promise<Buffer> {
    const identity = this.loaded();
    const prepared = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: details.reason,
      contactInfo: this.config.publicUrl,
      name: identity.signerName,
      location: details.location,
      signingTime: details.signingTime,
      signatureLength: SIGNATURE_BYTES,
      appName: 'OneGate',
    });
    return new SignPdf().sign(prepared, new CmsSigner(identity), details.signingTime);
  }

  private loaded(): SigningIdentity {
    if (!this.identity) throw new Error('the signing certificate is not loaded yet');
    return this.identity;
  }

  private async load(): Promise<SigningIdentity> {
    const configured = this.config.signing;
    if (configured) {
      const bytes = await readFile(configured.certPath).catch(() => {
        throw new Error(`SIGNING_CERT_PATH ${configured.certPath} cannot be read`);
      });
      return this.read(bytes, configured.passphrase, 'SIGNING_CERT_PATH');
    }
    if (this.config.isProduction) throw new Error('SIGNING_CERT_PATH is required when NODE_ENV=production');
    const file = await this.developmentCertificate();
    return this.read(await readFile(file), DEVELOPMENT_PASSPHRASE, file);
  }

  private read(bytes: Buffer, passphrase: string, source: string): SigningIdentity {
    try {
      return readPkcs12(bytes, passphrase, new Date());
    } catch (error) {
      if (error instanceof SigningIdentityError) throw new Error(`${source} ${error.message}`);
      throw error;
    }
  }

  /** Made once; several workers starting together keep whichever file was linked first. */
  private async developmentCertificate(): Promise<string> {
    const directory = join(this.config.storageDir, 'signing');
    const file = join(directory, 'development-agency.p12');
    const existing = await readFile(file).catch(() => null);
    if (existing) return file;
    await mkdir(directory, { recursive: true });
    const temporary = join(directory, `.development-agency.${randomBytes(6).toString('hex')}.part`);
    await writeFile(temporary, createDevelopmentCertificate(new Date()), { mode: 0o600 });
    try {
      await link(temporary, file);
      this.logger.warn('made a self-signed development signing certificate: results have no legal value');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(temporary, { force: true });
    }
    return file;
  }
}
