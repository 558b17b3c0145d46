import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

import { WEBHOOK_EVENT_TYPES } from './webhook-events';
import type { WebhookEventType } from './webhook-events';

const EVENTS_MESSAGE = `each of events must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`;

/** A subscription as an administrator registers it (docs/webhooks.md). */
export class CreateWebhookRequest {
  @ApiProperty({ example: 'https://receiver.example.vn/onegate' })
  @IsString({ message: 'url must be an absolute http or https URL' })
  @MaxLength(2048, { message: 'url must be at most 2048 characters' })
  public url!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(200, { message: 'description must be at most 200 characters' })
  public description?: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray({ message: 'events must be a list of event types' })
  @ArrayMinSize(1, { message: 'events must name at least one event type' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length, { message: 'events names an event type twice' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  public events!: WebhookEventType[];

  @ApiPropertyOptional({
    description: 'Agency codes in scope (a file’s competent agency); empty or absent: all',
  })
  @IsOptional()
  @IsArray({ message: 'agencies must be a list of agency codes' })
  @ArrayMaxSize(500, { message: 'agencies must list at most 500 agencies' })
  @IsString({ each: true, message: 'each of agencies must be an agency code' })
  @MaxLength(32, { each: true, message: 'each of agencies must be an agency code' })
  public agencies?: string[];

  @ApiPropertyOptional({ default: false, description: 'Payloads carry the applicant’s personal data' })
  @IsOptional()
  @IsBoolean({ message: 'personalData must be true or false' })
  public personalData?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'A file’s events are delivered one after another, in order',
  })
  @IsOptional()
  @IsBoolean({ message: 'ordered must be true or false' })
  public ordered?: boolean;
}

/** What an administrator changes; `enabled: true` enables a disabled subscription again. */
export class UpdateWebhookRequest extends PartialType(CreateWebhookRequest) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  public enabled?: boolean;
}
