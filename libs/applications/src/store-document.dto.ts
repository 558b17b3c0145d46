import { ApiProperty } from '@nestjs/swagger';

import type { StoreDocument } from './document-store';

/** One document of the citizen's store, as the API shows it (docs/documents.md). */
export class StoreDocumentDto {
  @ApiProperty({ description: 'The id to download it by, and to give it again (reuse)' })
  public id!: string;
  @ApiProperty({ enum: ['document', 'result'] }) public kind!: 'document' | 'result';
  @ApiProperty({ description: 'The name it was sent under, or the signed result’s file name' })
  public name!: string;
  @ApiProperty({
    description:
      'The document of the procedure it was accepted as; `result` or `decision_letter` for a result',
  })
  public documentType!: string;
  @ApiProperty() public mediaType!: string;
  @ApiProperty() public sizeBytes!: number;
  @ApiProperty({ description: 'When it was sent, or signed' }) public at!: string;
  @ApiProperty({ description: 'The file it came from' }) public applicationId!: string;
  @ApiProperty({ nullable: true, type: String }) public code!: string | null;
  @ApiProperty() public procedureCode!: string;
  @ApiProperty() public procedureName!: { vi: string; en: string };
  @ApiProperty() public href!: string;

  public static from(this: void, document: StoreDocument): StoreDocumentDto {
    const { storageKey: _stored, at, ...shown } = document;
    return { ...shown, at: at.toISOString(), href: `/api/my/documents/${document.id}/file` };
  }
}
