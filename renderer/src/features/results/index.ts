/** 结果: ranked and graded categories, decisions of the review meeting. What the rest of the app may use of it. */
export { ResultsPage } from './ResultsPage';
