/** 名册: the secretaries assessed. What the rest of the app may use of it. */
export { RosterPage } from './RosterPage';
