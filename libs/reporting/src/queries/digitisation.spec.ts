import { describe, expect, it } from 'vitest';

import { documentFactsOf } from '../figures/application-history';
import { digitisationOf } from './digitisation';

const file = (origins: string[], decided = false, electronicResult = false) => ({
  id: String(Math.random()),
  documents: documentFactsOf(origins, electronicResult),
  decided,
});

describe('digitisation figures (Decision 766, 4b and 4c)', () => {
  it('counts the worked example of docs/metrics.md', () => {
    const figures = digitisationOf([
      file(['uploaded', 'issued'], true, true),
      file(['uploaded']),
      file(['reused']),
      file(['uploaded'], true, false),
    ]);
    expect(figures).toEqual({ files: 4, digitised: 3, reused: 1, digitisedRate: 0.75, reuseRate: 0.25 });
  });

  it('counts scans as digitised, never a file holding only the forms OneGate issued', () => {
    expect(digitisationOf([file(['scanned']), file(['issued']), file([])])).toMatchObject({
      files: 3,
      digitised: 1,
      reused: 0,
    });
  });

  it('gives no rate without files', () => {
    expect(digitisationOf([])).toEqual({
      files: 0,
      digitised: 0,
      reused: 0,
      digitisedRate: null,
      reuseRate: null,
    });
  });
});
