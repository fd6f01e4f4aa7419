/** 使用说明: the help page. What the rest of the app may use of it. */
export { HelpPage } from './HelpPage';
