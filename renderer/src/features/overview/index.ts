/** 首页: how far the assessment has got. What the rest of the app may use of it. */
export { OverviewPage } from './OverviewPage';
