/** What still keeps the results from being final, per secretary. What the rest of the app may use of it. */
export { type Blocker } from './progress';
export { useProgress } from './useProgress';
