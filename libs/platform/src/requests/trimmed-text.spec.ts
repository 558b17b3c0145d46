import { IsEmail, IsNotEmpty, IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';

import { Trimmed, TrimmedLowercase } from './trimmed-text';
import { createValidationPipe } from './validation.pipe';

class Contact {
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  public fullName!: string;

  @TrimmedLowercase()
  @IsEmail()
  public email!: string;
}

const pipe = createValidationPipe();
const asBody = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Contact });

describe('text kept trimmed', () => {
  it('drops the surrounding spaces, and lowers the case of an e-mail address', async () => {
    expect(await asBody({ fullName: '  Nguyễn Văn A \n', email: ' A.Nguyen@Example.VN ' })).toEqual({
      fullName: 'Nguyễn Văn A',
      email: 'a.nguyen@example.vn',
    });
  });

  it('leaves what is not text to the validators, which refuse it by name', async () => {
    for (const value of [{ trim: 0 }, ['a'], 3]) {
      await expect(asBody({ fullName: value, email: 'a@example.vn' })).rejects.toMatchObject({
        response: { details: [{ field: 'fullName' }] },
      });
      await expect(asBody({ fullName: 'A', email: value })).rejects.toMatchObject({
        response: { details: [{ field: 'email' }] },
      });
    }
  });

  it('refuses text of spaces alone as empty', async () => {
    await expect(asBody({ fullName: '   ', email: 'a@example.vn' })).rejects.toMatchObject({
      response: { details: [{ field: 'fullName' }] },
    });
  });
});
