/**
 * The print views as plain functions of their data (no database, no screen): what the
 * command line renders to PDF in a headless browser, exactly as the app prints them.
 */
export { printDataOf, selectRows } from './data';
export { todayIso } from './format';
export { printHtml } from './html';
export { isLandscape, type PrintData, type PrintKind } from './model';
export { FONT_TEXT, PAGE_MARGINS } from './styles';
