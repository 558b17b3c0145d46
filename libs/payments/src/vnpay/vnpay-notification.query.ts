import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The parameters the gateway puts on the return URL and the notice (VNPAY 2.1.0), all text; which of
 * them are signed, and whether they agree, is the provider's check, not this class's.
 */
export class VnpayNotificationQuery {
  @IsOptional() @IsString() @MaxLength(32) public vnp_Amount?: string;
  @IsOptional() @IsString() @MaxLength(32) public vnp_BankCode?: string;
  @IsOptional() @IsString() @MaxLength(64) public vnp_BankTranNo?: string;
  @IsOptional() @IsString() @MaxLength(32) public vnp_CardType?: string;
  @IsOptional() @IsString() @MaxLength(255) public vnp_OrderInfo?: string;
  @IsOptional() @IsString() @MaxLength(14) public vnp_PayDate?: string;
  @IsOptional() @IsString() @MaxLength(8) public vnp_ResponseCode?: string;
  @IsOptional() @IsString() @MaxLength(16) public vnp_TmnCode?: string;
  @IsOptional() @IsString() @MaxLength(32) public vnp_TransactionNo?: string;
  @IsOptional() @IsString() @MaxLength(8) public vnp_TransactionStatus?: string;
  @IsOptional() @IsString() @MaxLength(100) public vnp_TxnRef?: string;
  @IsOptional() @IsString() @MaxLength(256) public vnp_SecureHash?: string;
  @IsOptional() @IsString() @MaxLength(16) public vnp_SecureHashType?: string;
}

/** The parameters that came, as plain text. */
export function notificationParams(query: VnpayNotificationQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
