import { describe, expect, it } from 'vitest';

import { APPLICATION_STATES } from '@onegate/domain';

import { fileHeading } from './file-heading';
import { lookup } from './messages';

describe('a file’s heading', () => {
  it('is its receipt code once it has one', () => {
    expect(fileHeading('vi', { code: 'QN-HL-260310-0001', state: 'withdrawn' })).toBe('QN-HL-260310-0001');
  });

  it.each(['vi', 'en'] as const)('names each state in its own words before there is a code (%s)', (lang) => {
    const headings = APPLICATION_STATES.map((state) => fileHeading(lang, { code: null, state }));
    APPLICATION_STATES.forEach((state, index) => {
      expect(lookup(lang, `fileHeading.${state}`), state).toBe(headings[index]);
    });
    expect(new Set(headings).size).toBe(APPLICATION_STATES.length);
  });

  it('says a withdrawn file is withdrawn, not awaiting reception', () => {
    expect(fileHeading('vi', { code: null, state: 'withdrawn' })).toBe('Hồ sơ đã rút');
    expect(fileHeading('vi', { code: null, state: 'submitted' })).toBe('Hồ sơ chờ tiếp nhận');
    expect(fileHeading('en', { code: null, state: 'withdrawn' })).toBe('Withdrawn application');
  });
});
