/** 打印: the print views and their preview. What the rest of the app may use of it. */
export { PrintPreviewPage } from './PrintPreviewPage';
