/** Grades (等次) and flags, docs/method.md §5. */

export const GRADES = ['excellent', 'good', 'competent', 'basic', 'incompetent', 'pending'] as const;
export type Grade = (typeof GRADES)[number];

/** Grades a band can give, in the default band order. */
export const BAND_KEYS = ['excellent', 'good'] as const;
export type BandKey = (typeof BAND_KEYS)[number];

export const FLAGS = [
  'turnoutLow',
  'baseBelowMin',
  'orgDowngraded',
  'satisfactionBasic',
  'satisfactionIncompetent',
  'directIncompetent',
  'recall',
  'recalled',
  'presenceLow',
  'carried',
  'tieAtBoundary',
  'held',
  'negativeScore',
  'decided',
] as const;
export type Flag = (typeof FLAGS)[number];
