/** 操作员: who does what: the header button, the list, and the second person of an act. What the rest of the app may use of it. */
export { OperatorButton } from './OperatorButton';
export { OperatorChoice, type OperatorPick } from './OperatorChoice';
