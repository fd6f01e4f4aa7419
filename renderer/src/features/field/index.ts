/** 日常: the year's field work — attendance, quarterly reviews, papers, assessment groups, ballot boxes. What the rest of the app may use of it. */
export { FieldPage } from './FieldPage';
export { BoxesOut } from './BoxesTab';
export { fieldStatus, type FieldStatus, type FieldRows } from './status';
