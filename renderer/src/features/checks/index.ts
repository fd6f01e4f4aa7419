/** 合理性提示 (plausibility warnings) and their acknowledgment. What the rest of the app may use of it. */
export { WarningsPanel } from './WarningsPanel';
