/**
 * Chinese titles and filters for the desktop file dialogs, so every screen asks
 * the same way. The renderer passes one of these to `dialog:openFiles` /
 * `dialog:saveFile`; main falls back to `ALL_FILES` when no filter is given.
 */
import type { FileFilter } from './contract';

export const ALL_FILES: FileFilter = { name: '所有文件', extensions: ['*'] };

export const WORKBOOK_FILTERS: FileFilter[] = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
export const ATTACHMENT_FILTERS: FileFilter[] = [
  { name: '证明材料(PDF、图片、Office 文档)', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'doc', 'xlsx', 'xls'] },
  ALL_FILES,
];
/** Exchange packages (a zip of workbooks and attachments) between workstations. */
export const EXCHANGE_FILTERS: FileFilter[] = [{ name: '双评交换包', extensions: ['zip'] }];
export const PDF_FILTERS: FileFilter[] = [{ name: 'PDF 文档', extensions: ['pdf'] }];
export const JSON_FILTERS: FileFilter[] = [{ name: 'JSON 数据', extensions: ['json'] }];

export const DIALOG_PRESETS = {
  openWorkbook: { title: '打开 Excel 工作簿', filters: WORKBOOK_FILTERS },
  saveWorkbook: { title: '保存 Excel 工作簿', filters: WORKBOOK_FILTERS },
  openAttachments: { title: '选择证明材料', filters: ATTACHMENT_FILTERS },
  saveAttachment: { title: '另存证明材料', filters: [ALL_FILES] },
  openExchange: { title: '导入交换包', filters: EXCHANGE_FILTERS },
  saveExchange: { title: '导出交换包', filters: EXCHANGE_FILTERS },
  savePdf: { title: '另存为 PDF', filters: PDF_FILTERS },
} satisfies Record<string, { title: string; filters: FileFilter[] }>;
