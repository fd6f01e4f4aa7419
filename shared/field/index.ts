/** The year's field work (docs/method.md §14): attendance, papers, assessment groups, ballot boxes. Pure. */
export * from './attendance';
export * from './papers';
export * from './groups';
export * from './boxes';
