import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';

import { IssuedResultRepository } from '@onegate/persistence';

import { ResultVerificationDto, UploadVerificationDto } from './verification.dto';

/** Receipt codes are short and plain; anything else cannot name a result. */
const CODE = /^[A-Za-z0-9-]{1,48}$/;

/** Public checks of signed results: by code (the QR link) and by content (an uploaded PDF). */
@Injectable()
export class ResultVerificationService {
  public constructor(private readonly results: IssuedResultRepository) {}

  public async byCode(code: string): Promise<ResultVerificationDto> {
    const result = CODE.test(code) ? await this.results.findByCode(code) : null;
    return ResultVerificationDto.from(code, result);
  }

  /** Genuine and unaltered exactly when its SHA-256 is that of a signed result OneGate stored. */
  public async byContent(content: Readable): Promise<UploadVerificationDto> {
    const hash = createHash('sha256');
    for await (const chunk of content as AsyncIterable<Buffer>) hash.update(chunk);
    const sha256 = hash.digest('hex');
    return UploadVerificationDto.from(sha256, await this.results.findBySha256(sha256));
  }
}
