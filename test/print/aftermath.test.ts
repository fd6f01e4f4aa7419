/**
 * What follows the review meeting, printed (docs/method.md §13): the 奖惩意见表, the
 * 报市委审批 summary, one feedback letter per 派出单位 with the 000 two-recall rule, and
 * the 干部档案 entries, rendered to PDF in Chromium and read back with poppler.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf, launchBrowser } from '../../cli/print/pdf';
import { printDataOf } from '../../renderer/src/features/print/data';
import { printHtml } from '../../renderer/src/features/print/html';
import type { PrintData, PrintKind } from '../../renderer/src/features/print/model';
import { computeAssessment } from '../../shared/method';
import { inputOf } from '../../shared/method/testing';
import { presetPolicy } from '../../shared/policy/presets';
import { reviewTerms, termSheetsOfReviews } from '../../shared/people/term-review';
import { cliPrintData } from '../../cli/print/printer';
import { PRINT_DATE } from './fixtures';
import { insideMargins, isA4, pageNumber, savePdf, snapshot, squeeze, type SavedPdf } from './pdf-tools';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function print(kind: PrintKind, data: PrintData, name: string, pngPages = 1): Promise<SavedPdf> {
  const pdf = savePdf(name, await htmlToPdf(browser, printHtml(kind, data), false));
  snapshot(pdf, name, pngPages);
  expect(isA4(pdf.info, false)).toBe(true);
  for (let page = 1; page <= pngPages; page++) expect(insideMargins(pdf, page, false), `${name} 第${page}页超出页边距`).toBe(true);
  pdf.pages.forEach((page, i) => expect(page).toMatch(pageNumber(i + 1)));
  return pdf;
}

function has(text: string, words: readonly string[]): void {
  for (const w of words) expect(text.includes(w), `缺少“${w}”`).toBe(true);
}

const AGRI = '市农业农村局';
const EDU = '市教育局';
const policy = presetPolicy('jiaozhou');
const input = inputOf(
  [
    { id: 'S1', org: '98', base: '95', votes: [40, 5, 0, 0], s: { name: '王建国', unit: AGRI, mode: 'fulltime', town: '阜安街道', village: '前王家庄' } },
    { id: 'S2', org: '90', base: '90', votes: [40, 5, 0, 0], s: { name: '李志明', unit: AGRI, mode: 'fulltime', town: '中云街道', village: '后李家屯' } },
    { id: 'S3', org: '80', base: '90', votes: [40, 5, 0, 0], s: { name: '张海涛', unit: EDU, mode: 'fulltime', town: '李哥庄镇', village: '东张家岭' } },
    { id: 'S4', org: '70', base: '90', votes: [40, 5, 0, 0], s: { name: '刘丽静', unit: AGRI, mode: 'fulltime', town: '铺集镇', village: '西河崖村' } },
    { id: 'S5', org: '60', base: '90', votes: [10, 5, 30, 0], s: { name: '赵红霞', unit: EDU, mode: 'fulltime', town: '里岔镇', village: '北岔村' } },
  ],
  policy,
  {
    events: [
      { id: 'S5', kind: 'breach', note: '违反工作纪律' },
      { id: 'S2', kind: 'recall', date: '2024-03-31', note: '季度研判' },
      { id: 'S4', kind: 'recall', date: '2024-09-30' },
    ],
  },
);
const data = printDataOf(input, computeAssessment(input), policy, {
  assessment: { name: '村(社区)党组织第一书记“三定一诺双评”考核', year: 2024, region: '胶州市' },
  printDate: PRINT_DATE,
  approvedAt: '2025-01-06',
  locked: true,
  awardEdits: new Map([['S3', { lines: ['通报表扬'], reason: '部长办公会研究', by: '王敏', at: '2025-01-06T08:00:00Z' }]]),
});

describe('after the review meeting', () => {
  it('奖惩意见表: each secretary, grade and 奖惩意见 from the policy; a recall and an edit say so', async () => {
    const pdf = await print('awards', data, 'aftermath-awards');
    const text = squeeze(pdf.raw);
    has(text, [
      '2024年度村(社区)党组织“第一书记”考核奖惩意见表',
      '王建国市农业农村局优秀由市委授予“优秀第一书记”称号',
      '赵红霞市教育局不称职由市委组织部予以诫勉谈话调整出“第一书记”队伍取消年度评优资格两年内不得提拔重用（至2027年1月5日）',
      '因召回，两年内不得提拔（至2026年3月30日）',
      '张海涛市教育局称职通报表扬（经调整：部长办公会研究）',
      '部长办公会研究意见：',
      '制表人：',
    ]);
    // recalled secretaries are marked in the grade column
    expect(text.split('（已召回）').length - 1).toBe(2);
  });

  it('反馈函: one letter per 派出单位 with its secretaries; the unit with two recalls carries the 000 rule', async () => {
    const pdf = await print('feedback', data, 'aftermath-feedback', 2);
    expect(pdf.info.pages).toBe(2);
    const [edu, agri] = pdf.rawPages.map((p) => squeeze(p));
    has(edu!, ['市教育局：', '你单位选派的2名第一书记2024年度考核结果', '张海涛', '赵红霞']);
    expect(edu).not.toContain('王建国');
    expect(edu).not.toContain('扣减派出单位');
    has(agri!, [
      '市农业农村局：',
      '你单位选派的3名第一书记',
      '王建国',
      '李志明',
      '刘丽静',
      '2024年度本单位选派的第一书记被召回2次（一年内2次及以上）：扣减派出单位目标绩效综合考评分值，单位主要负责人当年年度考核不得评为“优秀”等次',
      '中共胶州市委组织部（盖章）',
    ]);
  });

  it('报市委审批: grades with names, each 奖惩意见 with who, recalls and the unit rule', async () => {
    const pdf = await print('approval', data, 'aftermath-approval');
    const text = squeeze(pdf.raw);
    has(text, [
      '关于2024年度村(社区)党组织“第一书记”考核结果及奖惩意见的请示',
      '共5名',
      '不称职1赵红霞',
      '【惩戒】取消年度评优资格1赵红霞',
      '审批日期：2025年1月6日',
      '【调整】通报表扬1张海涛',
      '本年度被召回的第一书记：李志明、刘丽静。',
      '市委审批意见：',
    ]);
  });

  it('期满考核表: one form per secretary whose term closes, the years, the result and why; the 身份证号 masked', async () => {
    const term = {
      id: 'S1',
      name: '王建国',
      unit: AGRI,
      village: '阜安街道 前王家庄',
      idNumber: '3702**********1232',
      term: '任期2023年3月1日至2024年12月31日',
      years: [
        { year: 2023, grade: '称职', recalls: '2023年6月30日被召回' },
        { year: 2024, grade: '优秀', recalls: '' },
      ],
      evaluation: '合格（市农业农村局评价意见）',
      grade: '不合格',
      reasons: ['任期2023年3月1日至2024年12月31日：2023年度称职、2024年度优秀', '2023年6月30日被召回，期满考核为不合格'],
    };
    const pdf = await print('term', { ...data, aftermath: { ...data.aftermath!, terms: [term] } }, 'aftermath-term');
    const text = squeeze(pdf.raw);
    has(text, [
      '村(社区)党组织“第一书记”任职期满考核表',
      '王建国',
      '3702**********1232',
      '2023称职2023年6月30日被召回',
      '期满评价合格（市农业农村局评价意见）',
      '期满考核结果：不合格',
      '派出单位评价意见：',
    ]);
    expect(text).not.toContain('370281199001011232');
  });

  it('期满考核表 on the command line (print term): the forms from the term reviews, with no year’s ranking behind them', async () => {
    const rows = [
      {
        year: 2023,
        id: 'S7',
        name: '张建国',
        grade: 'excellent' as const,
        idNumber: '370281199001011232',
        unit: AGRI,
        termStart: '2023-03-01',
        termEnd: '2025-02-28',
      },
      { year: 2024, id: 'A9', name: '张建国', grade: 'incompetent' as const, idNumber: '370281199001011232', unit: AGRI, recallDate: '2024-06-30' },
    ];
    const terms = termSheetsOfReviews(reviewTerms(rows, policy), rows, policy, 2024);
    const cli = cliPrintData(
      { policy: policy.preset, policyName: policy.name, categories: [] },
      { kind: 'term', policy, terms, year: 2024, region: '胶州市', date: PRINT_DATE },
    );
    const pdf = await print('term', cli, 'aftermath-term-cli');
    const text = squeeze(pdf.raw);
    has(text, ['任职期满考核表', '张建国', '3702**********1232', '2024不称职2024年6月30日被召回', '期满评价未录入', '期满考核结果：不合格']);
    expect(text).not.toContain('370281199001011232');
  });

  it('干部档案登记表: the year, the grade and only what goes into the file', async () => {
    const pdf = await print('cadre', data, 'aftermath-cadre');
    const text = squeeze(pdf.raw);
    has(text, ['干部档案登记表', '王建国市农业农村局2024优秀由市委授予“优秀第一书记”称号不占单位名额直接确定为机关事业单位年度考核优秀等次']);
    // 优先提拔重用 is an 奖惩意见, not a file entry
    expect(text).not.toContain('优先提拔重用');
  });
});
