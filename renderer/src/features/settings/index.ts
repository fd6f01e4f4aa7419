/** 考核设置: the policy and the rubric. What the rest of the app may use of it. */
export { SettingsPage } from './SettingsPage';
export { inWords } from '../../../../shared/policy/words';
