import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { pluralForm, translate } from './messages';
import { WEB_PATHS } from './web-paths';

describe('plural forms', () => {
  it('choose the form that agrees with the count in English', () => {
    const forms = { one: 'procedure matches', other: 'procedures match' };
    expect(pluralForm('en', 1, forms)).toBe('procedure matches');
    expect(pluralForm('en', 0, forms)).toBe('procedures match');
    expect(pluralForm('en', 2, forms)).toBe('procedures match');
    expect(pluralForm('en', '1,000', forms)).toBe('procedures match');
  });

  it('agree in the catalogue’s messages, and leave Vietnamese as it is', () => {
    expect(translate('en', 'home.resultsFor', { count: 1, q: 'hộ tịch' })).toBe(
      '1 procedure matches “hộ tịch”',
    );
    expect(translate('en', 'home.resultsFor', { count: 2, q: 'x' })).toBe('2 procedures match “x”');
    expect(translate('en', 'procedure.workingDays', { days: 1 })).toBe('1 working day');
    expect(translate('vi', 'procedure.workingDays', { days: 1 })).toBe('1 ngày làm việc');
  });

  it('are used by every English message that counts things', () => {
    const english = readFileSync(join(WEB_PATHS.locales, 'en.json'), 'utf8');
    const bare = english.match(
      /\{(count|days|value|size|returned)\} (procedures|days|working days|files|drafts|characters|accounts|messages|bytes)\b/g,
    );
    expect(bare).toBeNull();
  });
});
