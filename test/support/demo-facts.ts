/** What the demo seed contains, written out independently of the seed code. */
export const DEMO_AGENCIES_COUNT = 7;
export const DEMO_PROCEDURE_CODES = [
  '1.000656',
  '1.000894',
  '1.001193',
  '1.001612',
  '1.002809',
  '1.009972',
  '1.010000',
  '1.012790',
  '1.012795',
  '2.000488',
  '2.000635',
  '2.001199',
  '2.001610',
  '2.001827',
];
