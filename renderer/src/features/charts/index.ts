/** 图表: charts of the results. What the rest of the app may use of it. */
export { ChartsPage } from './ChartsPage';
