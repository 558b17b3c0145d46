import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { LANGUAGES, NOTIFICATION_KINDS } from '@onegate/domain';
import type { Language, NotificationKind } from '@onegate/domain';
import type { MailSinkMessage, Notification } from '@onegate/persistence';

import { PageQuery } from '../catalogue/catalogue.dto';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only notifications not read yet' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  public unread?: boolean;
}

export class NotificationDto {
  @ApiProperty() public id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) public kind!: NotificationKind;
  @ApiProperty({ nullable: true, type: String }) public applicationId!: string | null;
  @ApiProperty({ enum: LANGUAGES }) public language!: Language;
  @ApiProperty() public subject!: string;
  @ApiProperty() public text!: string;
  @ApiProperty({ description: 'The same message as HTML, every value escaped' }) public html!: string;
  @ApiProperty() public createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) public readAt!: string | null;
  @ApiProperty({ enum: ['none', 'pending', 'sending', 'sent', 'failed'] }) public emailStatus!: string;

  public static from(notification: Notification): NotificationDto {
    return {
      id: notification.id,
      kind: notification.kind,
      applicationId: notification.applicationId,
      language: notification.language,
      subject: notification.subject,
      text: notification.textBody,
      html: notification.htmlBody,
      createdAt: notification.createdAt.toISOString(),
      readAt: notification.readAt?.toISOString() ?? null,
      emailStatus: notification.emailStatus,
    };
  }
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationDto] }) public items!: NotificationDto[];
  @ApiProperty() public total!: number;
  @ApiProperty({ description: 'Unread notifications in all pages' }) public unread!: number;
  @ApiProperty() public page!: number;
  @ApiProperty() public pageSize!: number;
}

export class PreviewQuery {
  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: 'lang must be vi or en' })
  public lang: Language = 'vi';

  @ApiPropertyOptional({ description: 'Agency code whose override to use, if it has one' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { message: 'agency must be an agency code' })
  public agency?: string;

  @ApiPropertyOptional({ description: 'Procedure code whose override to use, if it has one' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'procedure must be a procedure code' })
  public procedure?: string;
}

export class MailPreviewDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) public template!: NotificationKind;
  @ApiProperty({ enum: LANGUAGES }) public language!: Language;
  @ApiProperty({ description: 'The template file used, relative to the templates folder' })
  public file!: string;
  @ApiProperty() public subject!: string;
  @ApiProperty() public text!: string;
  @ApiProperty() public html!: string;
}

export class OutboxAttachmentDto {
  @ApiProperty() public fileName!: string;
  @ApiProperty() public mediaType!: string;
  @ApiProperty() public sizeBytes!: number;
}

export class OutboxMessageDto {
  @ApiProperty() public id!: string;
  @ApiProperty() public receivedAt!: string;
  @ApiProperty({ nullable: true, type: String }) public from!: string | null;
  @ApiProperty({ type: [String] }) public to!: string[];
  @ApiProperty() public subject!: string;
  @ApiProperty({ nullable: true, type: String }) public text!: string | null;
  @ApiProperty({ nullable: true, type: String }) public html!: string | null;
  @ApiProperty({ type: [OutboxAttachmentDto] }) public attachments!: OutboxAttachmentDto[];

  public static from(message: MailSinkMessage): OutboxMessageDto {
    return {
      id: message.id,
      receivedAt: message.receivedAt.toISOString(),
      from: message.mailFrom,
      to: message.recipients,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
      attachments: (message.attachments ?? []).map(({ fileName, mediaType, sizeBytes }) => ({
        fileName,
        mediaType,
        sizeBytes,
      })),
    };
  }
}

export class OutboxPage {
  @ApiProperty({ type: [OutboxMessageDto] }) public items!: OutboxMessageDto[];
  @ApiProperty() public total!: number;
  @ApiProperty() public page!: number;
  @ApiProperty() public pageSize!: number;
}
