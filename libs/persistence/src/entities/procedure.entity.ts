import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import type { FeeDue, FormField } from '@onegate/domain';

import { Agency } from './agency.entity';
import { TimestampColumn } from './timestamp.column';

export type OnlineLevel = 'full' | 'partial' | 'offline';
export type SupplementPolicy = 'pause' | 'restart';

export interface RequiredDocument {
  name: string;
  mandatory: boolean;
  acceptedTypes: string[];
  maxSizeBytes: number;
}

@Entity('procedures')
@Index('IDX_procedures_code', ['code'], { unique: true })
@Index('IDX_procedures_agency', ['agencyId'])
@Index('IDX_procedures_field', ['field'])
export class Procedure {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ type: 'varchar', length: 32 })
  public code!: string;

  @Column({ name: 'name_vi', type: 'varchar', length: 500 })
  public nameVi!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 500 })
  public nameEn!: string;

  @Column({ type: 'varchar', length: 128 })
  public field!: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 36 })
  public agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  public agency?: Agency;

  @Column({ name: 'processing_hours', type: 'integer' })
  public processingHours!: number;

  @Column({ name: 'online_level', type: 'varchar', length: 16 })
  public onlineLevel!: OnlineLevel;

  @Column({ name: 'fee_vnd', type: 'integer' })
  public feeVnd!: number;

  /** When the fee is due (docs/payments.md, "When the fee is due"). */
  @Column({ name: 'fee_due', type: 'varchar', length: 16, default: 'before_return' })
  public feeDue!: FeeDue;

  @Column({ name: 'supplement_policy', type: 'varchar', length: 16 })
  public supplementPolicy!: SupplementPolicy;

  @Column({ name: 'required_documents', type: 'simple-json' })
  public requiredDocuments!: RequiredDocument[];

  @Column({ name: 'form_schema', type: 'simple-json' })
  public formSchema!: FormField[];

  @Column({ name: 'result_template', type: 'text', nullable: true })
  public resultTemplate!: string | null;

  /** Days a closed application keeps its personal data and documents; null keeps them forever. */
  @Column({ name: 'retention_days', type: 'integer', nullable: true })
  public retentionDays!: number | null;

  /** Lower-case, accent-free copy of code and names, for accent-insensitive search. */
  @Column({ name: 'search_text', type: 'text' })
  public searchText!: string;

  @TimestampColumn({ name: 'retired_at', nullable: true })
  public retiredAt!: Date | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  public updatedAt!: Date;
}
