/** 考评: the rubric scored item by item, or a summary score, with evidence. What the rest of the app may use of it. */
export { ScoringPage } from './ScoringPage';
export { scoringStatus, type ScoringStatus } from './status';
