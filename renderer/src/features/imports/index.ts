/** 导入: reading a workbook, its preview, and the import by a person's choices. What the rest of the app may use of it. */
export { ImportButton } from './ImportButton';
export { ImportHub } from './ImportHub';
export { importWorkbook, type WorkbookKind } from './workbooks';
