import { BadRequestException } from '@nestjs/common';

export const invalidFile = (problem: string) =>
  new BadRequestException({ message: 'Invalid file', details: [{ field: 'file', problems: [problem] }] });
