export type { AssessmentInput } from './input';
export { computeAssessment } from './compute';
export { resultToJson, type ResultJson, type CategoryJson, type RowJson } from './json';
export { scoreSecretary, checkInputValue, inputEffect, isDowngraded, ratingLevelsUp, type SecretaryScore, type ItemScore } from './score';
export { evaluateBallots, turnoutMet, summarizeBallots, describeRate, describeRatio, type BallotOutcome } from './satisfaction';
export { quotaFor } from './bands';
export { categoryKey, categoryLabel, compareCategoryKeys } from './categories';
export { compareRank, rankRows, TIE_BREAK_LABELS } from './rank';
export { quotaNotes, quotaSentence, type CandidateDecision } from './quota';
