/** 定稿: finalizing and unlocking an assessment. What the rest of the app may use of it. */
export { LockControls } from './LockControls';
