import { describe, expect, it } from 'vitest';

import { copyField } from './copy-field';

describe('copyField', () => {
  it('writes values in COPY text format', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('Nguyễn Văn A')).toBe('Nguyễn Văn A');
    expect(copyField(1_735_689_600_000)).toBe('1735689600000');
    expect(copyField(0)).toBe('0');
    expect(copyField(true)).toBe('t');
    expect(copyField(false)).toBe('f');
  });

  it('escapes what would end a field or a row, and a literal \\N stays text', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('refuses values no column stores as they are', () => {
    expect(() => copyField({ a: 1 })).toThrow(TypeError);
    expect(() => copyField(new Date())).toThrow(TypeError);
  });
});
