import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { ACTIONS } from '@onegate/domain';
import type { Action, Channel } from '@onegate/domain';
import { NumberFromText } from '@onegate/platform';

/** Every action but `register_counter`, which has its own route. */
const ACTIONS_ON_A_FILE = ACTIONS.filter((action) => action !== 'register_counter');

/**
 * `POST /api/applications/:id/actions`: the action and its fields (docs/lifecycle.md, "Fields of an
 * action"); an action field the action does not take answers 400 naming it.
 */
export class ActionRequest {
  @ApiProperty({ enum: ACTIONS })
  @IsIn(ACTIONS_ON_A_FILE, { message: `action must be one of: ${ACTIONS_ON_A_FILE.join(', ')}` })
  public action!: Action;

  @ApiPropertyOptional({
    description: 'Required by refuse, deny, request_supplement and extend; optional on approve',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  public reason?: string;

  @ApiPropertyOptional({ type: [String], description: 'request_supplement: what is missing' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  public missingDocuments?: string[];

  @ApiPropertyOptional({ description: 'extend: the new appointment, ISO time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'appointmentAt must be an ISO 8601 time' })
  public appointmentAt?: string;

  @ApiPropertyOptional({ description: 'pay: the payment reference, required online' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  public reference?: string;

  @ApiPropertyOptional({
    description: "assign: the clerk to work the file; forward: a person of the next step's unit",
  })
  @IsOptional()
  @IsUUID()
  public assigneeId?: string;

  @ApiPropertyOptional({ description: 'send_back: the position of the earlier step the file goes back to' })
  @IsOptional()
  @NumberFromText()
  @IsInt({ message: 'step must be the position of a step (a whole number)' })
  @Min(1, { message: 'step must be the position of a step, from 1' })
  public step?: number;

  @ApiPropertyOptional({ description: "forward at a transfer: the other agency's opinion" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  public opinion?: string;

  @ApiPropertyOptional({
    description: 'forward at a transfer: the amount the other agency found due, in VND',
  })
  @IsOptional()
  @NumberFromText()
  @IsInt({ message: 'amountDue must be a whole number of VND' })
  @Min(0)
  @Max(2_000_000_000)
  public amountDue?: number;

  @ApiPropertyOptional({ enum: ['online', 'offline'], default: 'online' })
  @IsOptional()
  @IsIn(['online', 'offline'])
  public channel?: Channel;

  @ApiPropertyOptional({
    description: 'Internal note: staff only, never shown to the applicant (docs/messages.md)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  public note?: string;

  @ApiPropertyOptional({
    description: "Staff: a message to the applicant, added to the file's thread and sent to them",
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  public message?: string;

  @ApiPropertyOptional({ description: 'The version the caller last saw; a newer one answers 409' })
  @IsOptional()
  @NumberFromText()
  @IsInt()
  @Min(1)
  public version?: number;
}
