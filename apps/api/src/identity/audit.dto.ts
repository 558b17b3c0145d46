import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';

import type { AuditEvent, AuditEventType, JsonObject } from '@onegate/persistence';

import { PageQuery } from '../catalogue/catalogue.dto';

export const AUDIT_EVENT_TYPES: readonly AuditEventType[] = [
  'sign_in_succeeded',
  'sign_in_failed',
  'account_locked',
  'refresh_token_reused',
  'signed_out',
  'citizen_registered',
  'citizen_linked_by_oidc',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'email_verified',
  'staff_created',
  'role_changed',
  'agency_changed',
  'account_deactivated',
  'account_reactivated',
  'application_anonymised',
  'calendar_schedule_loaded',
  'draft_removed',
  'payment_notice_refused',
  'partner_call',
];

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_EVENT_TYPES })
  @IsOptional()
  @IsIn(AUDIT_EVENT_TYPES)
  public type?: AuditEventType;

  @ApiPropertyOptional({ description: 'Events by or about this account' })
  @IsOptional()
  @IsUUID()
  public userId?: string;

  @ApiPropertyOptional({ description: 'ISO time, inclusive' })
  @IsOptional()
  @IsDateString()
  public from?: string;

  @ApiPropertyOptional({ description: 'ISO time, inclusive' })
  @IsOptional()
  @IsDateString()
  public to?: string;
}

export class AuditEventDto {
  @ApiProperty() public id!: string;
  @ApiProperty() public at!: string;
  @ApiProperty({ enum: AUDIT_EVENT_TYPES }) public type!: AuditEventType;
  @ApiProperty({ nullable: true, type: String }) public actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) public subjectId!: string | null;
  @ApiProperty({ nullable: true, type: String }) public ip!: string | null;
  @ApiProperty() public details!: JsonObject;

  public static from(event: AuditEvent): AuditEventDto {
    return { ...event, at: event.at.toISOString() };
  }
}
