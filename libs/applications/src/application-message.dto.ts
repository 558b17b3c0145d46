import { ApiProperty } from '@nestjs/swagger';

import { ROLES } from '@onegate/domain';
import type { Action, Role } from '@onegate/domain';
import type { ThreadMessage } from '@onegate/persistence';

import { AttachmentDto } from './application.dto';

/** One message of a file's thread; its files download at `/api/applications/:id/attachments/:fileId`. */
export class ApplicationMessageDto {
  @ApiProperty() public id!: string;
  @ApiProperty() public at!: string;
  @ApiProperty({
    enum: ROLES,
    description: 'citizen for the applicant; clerk, supervisor or admin for the agency',
  })
  public authorRole!: Role;
  @ApiProperty() public body!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The action whose form it was written on' })
  public action!: Action | null;
  @ApiProperty({ type: [AttachmentDto] }) public files!: AttachmentDto[];

  public static from({ message, files }: ThreadMessage): ApplicationMessageDto {
    return {
      id: message.id,
      at: message.at.toISOString(),
      authorRole: message.authorRole,
      body: message.body,
      action: message.action,
      files: files.map(AttachmentDto.from),
    };
  }
}
