import { describe, expect, it } from 'vitest';

import { parseOfficialScheduleFile, ScheduleFileError } from './official-schedule-file';

const FILE_2027 = [
  '\uFEFF# Lịch nghỉ năm 2027',
  'source,Thông báo của Bộ Nội vụ, năm 2026',
  'date,kind,reason',
  '2027-02-05,day_off,Tết Nguyên Đán (29 tháng Chạp, Bính Ngọ)',
  '',
  '2027-02-20 , working_day , làm bù\r',
].join('\n');

function problemOf(text: string): { line: number; field: string; message: string } {
  try {
    parseOfficialScheduleFile(text, 2027);
  } catch (error) {
    if (error instanceof ScheduleFileError)
      return { line: error.line, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parseOfficialScheduleFile', () => {
  it('reads the source and the days, skipping comments, blank lines and the header', () => {
    expect(parseOfficialScheduleFile(FILE_2027, 2027)).toEqual({
      year: 2027,
      source: 'Thông báo của Bộ Nội vụ, năm 2026',
      overrides: [
        { date: '2027-02-05', kind: 'day_off', reason: 'Tết Nguyên Đán (29 tháng Chạp, Bính Ngọ)' },
        { date: '2027-02-20', kind: 'working_day', reason: 'làm bù' },
      ],
    });
  });

  it('accepts a schedule with no day differing from the statutory holidays', () => {
    expect(parseOfficialScheduleFile('source,Thông báo', 2027).overrides).toEqual([]);
  });

  it('names the line and the field of each mistake', () => {
    const source = 'source,Thông báo\n';
    expect(problemOf('')).toMatchObject({ line: 0, field: 'file' });
    expect(problemOf('2027-02-05,day_off,Tết')).toMatchObject({ line: 1, field: 'source' });
    expect(problemOf('source, ')).toMatchObject({ line: 1, field: 'source' });
    expect(problemOf(`${source}2027-02-30,day_off,Tết`)).toEqual({
      line: 2,
      field: 'date',
      message: 'line 2, date: "2027-02-30" is not a real date written YYYY-MM-DD',
    });
    expect(problemOf(`${source}\n2026-12-31,day_off,Tết`)).toMatchObject({ line: 3, field: 'date' });
    expect(problemOf(`${source}2027-02-05,holiday,Tết`)).toMatchObject({ line: 2, field: 'kind' });
    expect(problemOf(`${source}2027-02-05,day_off`)).toMatchObject({ line: 2, field: 'reason' });
    expect(problemOf(`${source}2027-02-05,day_off,${'x'.repeat(256)}`)).toMatchObject({ field: 'reason' });
    expect(problemOf(`${source}2027-02-05,day_off,a\n2027-02-05,day_off,b`)).toMatchObject({
      line: 3,
      field: 'date',
    });
  });
});
