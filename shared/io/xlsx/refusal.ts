/**
 * Why a workbook's bytes cannot be read. The reader stops at the first problem and
 * says it in one Chinese sentence (workbook.ts puts the file name in front).
 */
export type RefusalReason = 'damaged' | 'tooLarge' | 'notXlsx';

export class Refusal {
  constructor(
    readonly reason: RefusalReason,
    /** Chinese: what is wrong, for a person ("xl/worksheets/sheet1.xml 的校验值不符") */
    readonly detail: string,
  ) {}
}

export const damaged = (detail: string) => new Refusal('damaged', detail);
export const tooLarge = (detail: string) => new Refusal('tooLarge', detail);
export const notXlsx = (detail: string) => new Refusal('notXlsx', detail);

/** The sentence a person reads. */
export function refusalMessage(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'damaged':
      return `无法读取：文件已损坏（${refusal.detail}），请重新复制原文件，或在 Excel/WPS 中打开后另存为 .xlsx 再导入`;
    case 'tooLarge':
      return `文件过大：${refusal.detail}，不像是考核用的工作簿，已拒绝读取`;
    case 'notXlsx':
      return `无法读取：不是有效的 Excel 工作簿（.xlsx）文件（${refusal.detail}）`;
  }
}
