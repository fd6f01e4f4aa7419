/**
 * 山西 seed 003 (选派第一书记工作方案): the 选派第一书记到村工作台账 (附表3) and the
 * 选派机关优秀干部到村任第一书记情况统计表 (附表4), written from the roster (docs/formats.md
 * §12). The seed names the tables but not their columns: the columns are what it says
 * the 台账 records — who is sent, from which unit, at what level and rank, to which town
 * and village, how — and, for 在村≥2/3 工作日, the roster's days present.
 */
import type ExcelJS from 'exceljs';
import { MODE_LABELS, POST_TYPE_LABELS, RANK_CLASS_LABELS, SOURCE_LABELS, type Secretary } from '../model';
import { BODY_FONT, BORDER, fillHeaderCells, printOptions, TITLE_FONT } from './style';
import { newWorkbook, workbookBytes } from './workbook-model';

export const TAIZHANG_TITLE = '选派第一书记到村工作台账';
export const TONGJI_TITLE = '选派机关优秀干部到村任第一书记情况统计表';

export const TAIZHANG_HEADERS = [
  '序号',
  '编号',
  '姓名',
  '派出单位',
  '单位类别',
  '职级类别',
  '驻村方式',
  '派驻镇(街道)',
  '派驻村(社区)',
  '村社区类型',
  '在村工作天数',
  '全年工作日数',
  '在村比例',
] as const;
const TAIZHANG_WIDTHS = [6, 8, 8, 20, 14, 14, 12, 14, 14, 10, 10, 10, 10];
export const TONGJI_HEADERS = ['项目', '分类', '人数', '占比'] as const;

export interface TaizhangMeta {
  /** 填报单位, e.g. 胶州市委组织部 */
  region?: string;
  year?: number;
}

const byId = (a: Secretary, b: Secretary) => a.id.localeCompare(b.id, 'zh-CN', { numeric: true });
/** days present over work days, as a percentage with 2 decimals; '' without both */
function presenceText(s: Secretary): string {
  if (s.daysPresent === undefined || !s.workDays) return '';
  // integers: exact enough to show, decides nothing
  return `${((s.daysPresent * 10000) / s.workDays / 100).toFixed(2)}%`;
}
/** at least 2/3 of the work days in the village (seed 003), exactly: 3 × days ≥ 2 × work days */
const presentTwoThirds = (s: Secretary) => s.daysPresent !== undefined && !!s.workDays && 3 * s.daysPresent >= 2 * s.workDays;

function sheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  meta: TaizhangMeta,
  headers: readonly string[],
  widths: readonly number[],
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, { ...printOptions('1:3'), views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = `${meta.year ? `${meta.year}年度` : ''}${title}`;
  ws.getCell(1, 1).font = TITLE_FONT;
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, headers.length);
  ws.getCell(2, 1).value = `填报单位：${meta.region ?? ''}`;
  ws.getCell(2, 1).font = BODY_FONT;
  fillHeaderCells(ws.getRow(3), headers);
  return ws;
}

function addRow(ws: ExcelJS.Worksheet, values: readonly (string | number | null)[]): void {
  const row = ws.addRow([...values]);
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = BODY_FONT;
    cell.border = BORDER;
  });
}

/** 附表3: one row per secretary, by 编号. */
export async function writeTaizhangWorkbook(secretaries: readonly Secretary[], meta: TaizhangMeta = {}): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const ws = sheet(workbook, '台账', TAIZHANG_TITLE, meta, TAIZHANG_HEADERS, TAIZHANG_WIDTHS);
  [...secretaries].sort(byId).forEach((s, i) => {
    addRow(ws, [
      i + 1,
      s.id,
      s.name,
      s.unit ?? '',
      SOURCE_LABELS[s.source],
      RANK_CLASS_LABELS[s.rankClass],
      MODE_LABELS[s.mode],
      s.town ?? '',
      s.village ?? '',
      POST_TYPE_LABELS[s.postType],
      s.daysPresent ?? null,
      s.workDays ?? null,
      presenceText(s),
    ]);
  });
  return workbookBytes(workbook);
}

/** The 统计表's lines: 项目, 分类, 人数 (the 占比 is written from them). */
export function tongjiLines(secretaries: readonly Secretary[]): [string, string, number][] {
  const lines: [string, string, number][] = [['合计', '选派第一书记', secretaries.length]];
  const group = <K extends string>(item: string, labels: Record<K, string>, of: (s: Secretary) => K) => {
    for (const key of Object.keys(labels) as K[]) lines.push([item, labels[key], secretaries.filter((s) => of(s) === key).length]);
  };
  group('单位类别', SOURCE_LABELS, (s) => s.source);
  group('职级类别', RANK_CLASS_LABELS, (s) => s.rankClass);
  group('驻村方式', MODE_LABELS, (s) => s.mode);
  group('村社区类型', POST_TYPE_LABELS, (s) => s.postType);
  const towns = [...new Set(secretaries.map((s) => s.town ?? ''))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  for (const town of towns) lines.push(['派驻镇(街道)', town || '（未填）', secretaries.filter((s) => (s.town ?? '') === town).length]);
  const recorded = secretaries.filter((s) => s.daysPresent !== undefined && !!s.workDays);
  lines.push(['在村工作时间', '已填报在村天数', recorded.length]);
  lines.push(['在村工作时间', '在村不少于全年工作日的2/3', recorded.filter(presentTwoThirds).length]);
  lines.push(['在村工作时间', '在村不足全年工作日的2/3', recorded.filter((s) => !presentTwoThirds(s)).length]);
  return lines;
}

/** 附表4: counts by 单位类别, 职级, 驻村方式, 村社区类型, 镇街, and 在村≥2/3 工作日. */
export async function writeTongjiWorkbook(secretaries: readonly Secretary[], meta: TaizhangMeta = {}): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const ws = sheet(workbook, '统计表', TONGJI_TITLE, meta, TONGJI_HEADERS, [16, 28, 10, 10]);
  const total = secretaries.length;
  for (const [item, kind, count] of tongjiLines(secretaries)) {
    addRow(ws, [item, kind, count, total ? `${((count * 10000) / total / 100).toFixed(2)}%` : '']);
  }
  return workbookBytes(workbook);
}
