/**
 * Every print, rendered to PDF in the system Chromium and read back with poppler:
 * the worked example of docs/method.md §8 and a generated county of 250. PNGs of the first
 * pages land in test-output/prints/ for a person to look at.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFixed } from '../../shared/exact/rational';
import { printHtml } from '../../renderer/src/features/print/html';
import { isLandscape, type PrintData, type PrintKind } from '../../renderer/src/features/print/model';
import { htmlToPdf, launchBrowser } from '../../cli/print/pdf';
import { computeAssessment } from '../../shared/method';
import { printDataOf } from '../../renderer/src/features/print/data';
import { county, PRINT_DATE, workedExample } from './fixtures';
import { insideMargins, isA4, pageNumber, savePdf, snapshot, squeeze, type SavedPdf } from './pdf-tools';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function print(kind: PrintKind, data: PrintData, name: string, pngPages = 2): Promise<SavedPdf> {
  const pdf = savePdf(name, await htmlToPdf(browser, printHtml(kind, data), isLandscape(kind)));
  snapshot(pdf, name, pngPages);
  for (let page = 1; page <= pngPages; page++) expect(insideMargins(pdf, page, isLandscape(kind)), `${name} 第${page}页超出页边距`).toBe(true);
  return pdf;
}

/** A failure names the missing words, not the whole document. */
function has(text: string, words: string | readonly string[]): void {
  for (const w of typeof words === 'string' ? [words] : words) expect(text.includes(w), `缺少“${w}”`).toBe(true);
}

function expectNumbered(pdf: SavedPdf): void {
  expect(pdf.pages).toHaveLength(pdf.info.pages);
  pdf.pages.forEach((page, i) => expect(page).toMatch(pageNumber(i + 1)));
}

describe('the worked example (docs/method.md §8)', () => {
  const { data } = workedExample();
  const people = ['王建国', '李志明', '张海涛', '刘丽静'];

  it('排名表: one landscape A4 page, every name, total, grade and rank, signatures', async () => {
    const pdf = await print('ranking', data, 'worked-ranking', 1);
    expect(pdf.info.pages).toBe(1);
    expect(isA4(pdf.info, true)).toBe(true);
    expectNumbered(pdf);
    const text = squeeze(pdf.text);
    for (const word of ['考核结果排名表', '镇街·脱产·正股级', '名额：优秀1名，良好1名', '胶州市“三定一诺双评”实施细则', '2025年1月6日', '结果已定稿']) {
      has(text, word);
    }
    // rank order, each row's cells in column order: 名次 姓名 单位 镇街/村 基本分 组织得分 应参加 投票数 很满意 满意 基本满意 不满意 废票 弃权 满意度 总分 计算等次 审定等次
    const raw = squeeze(pdf.raw);
    const rows = [
      [1, '李志明', '中云街道办事处', '中云街道后李家屯', 78, 92, 42, 40, 35, 5, 0, 0, 0, 0, '100.00%', '92.00', '良好'],
      [2, '王建国', '阜安街道办事处', '阜安街道前王家庄', 90, 96, 45, 40, 30, 8, 2, 0, 0, 0, '95.00%', '91.20', '优秀'],
      [3, '张海涛', '李哥庄镇政府', '李哥庄镇东张家岭', 85, 88, 48, 40, 20, 10, 5, 4, 1, 0, '75.00%', '66.00', '称职'],
      [4, '刘丽静', '铺集镇政府', '铺集镇西河崖村', 86, 90, 50, 42, 10, 10, 20, 2, 0, 0, '47.62%', '42.86', '基本称职'],
    ].map((cells) => cells.join(''));
    has(raw, rows);
    expect(raw.indexOf(rows[0]!)).toBeLessThan(raw.indexOf(rows[1]!));
    expect(raw.indexOf(rows[2]!)).toBeLessThan(raw.indexOf(rows[3]!));
    // 满意度 in one form: a percent with two places
    for (const s of ['100.00%', '95.00%', '75.00%', '47.62%']) has(pdf.text, s);
    has(text, '基本分78低于80分');
    for (const label of ['考核组成员：', '审核人：', '制表人：', '日期：', '部长办公会审定意见：']) has(text, label);
    expect(pdf.text).toMatch(/数据摘要 [0-9a-f]{8}/);
  });

  it('汇总表: sizes, quotas, counts and flags', async () => {
    const pdf = await print('summary', data, 'worked-summary', 1);
    expect(isA4(pdf.info, false)).toBe(true);
    expectNumbered(pdf);
    const text = squeeze(pdf.text);
    has(text, '镇街·脱产·正股级41111110');
    has(text, '李志明镇街·脱产·正股级基本分低于优秀最低分');
    has(text, '刘丽静镇街·脱产·正股级满意度测评为基本称职');
  });

  it('公示名单: names, units, villages, grades, the 7-day period entered and a line for the 监督电话', async () => {
    const pdf = await print('notice', data, 'worked-notice', 1);
    expectNumbered(pdf);
    const text = squeeze(pdf.text);
    has(text, '公示期为7天，自2025年1月6日至2025年1月12日');
    has(text, '监督电话：');
    for (const line of ['1李志明中云街道办事处中云街道后李家屯良好', '2王建国阜安街道办事处阜安街道前王家庄优秀', '4刘丽静铺集镇政府铺集镇西河崖村基本称职']) {
      has(text, line);
    }
  });

  it('个人考评表: one portrait form each, with ballots, total, grade and its reasons', async () => {
    const pdf = await print('individual', data, 'worked-individual', 2);
    expect(pdf.info.pages).toBe(4);
    expect(isA4(pdf.info, false)).toBe(true);
    expectNumbered(pdf);
    const order = ['李志明', '王建国', '张海涛', '刘丽静'];
    pdf.pages.forEach((page, i) => {
      const text = squeeze(page);
      has(text, '个人考评表');
      has(text, `姓名${order[i]}`);
      has(text, '考核组成员：');
    });
    // the total as the exact product, 满意度 as everywhere
    has(squeeze(pdf.pages[0]!), '92.00（=92×1，满意度100.00%）');
    has(squeeze(pdf.pages[1]!), '91.20（=96×19/20，满意度95.00%）');
    has(squeeze(pdf.pages[0]!), '第1名（共4人）');
    has(squeeze(pdf.pages[3]!), '计算等次：基本称职');
    has(squeeze(pdf.pages[3]!), '4210102020');
  });

  it('测评票: anonymous, the four options, the instructions; three to a page', async () => {
    const pdf = await print('ballots', data, 'worked-ballots', 1);
    expect(pdf.info.pages).toBe(4);
    pdf.pages.forEach((page, i) => {
      const text = squeeze(page);
      expect(text.split('群众满意度测评票').length - 1).toBe(3);
      expect(text.split('（无记名）').length - 1).toBe(3);
      has(text, `被测评人：${people.includes('') ? '' : ['李志明', '王建国', '张海涛', '刘丽静'][i]}`);
      for (const o of ['很满意', '满意', '基本满意', '不满意']) has(text, o);
      has(text, '多划、涂改、无法辨认或作记号的为废票，不划的为弃权');
    });
  });

  it('计票单: every option, 废票 and 弃权, and the three signatures; two to a page', async () => {
    const pdf = await print('tally', data, 'worked-tally', 1);
    expect(pdf.info.pages).toBe(2);
    const text = squeeze(pdf.text);
    for (const name of people) has(text, `被测评人：${name}`);
    for (const w of ['很满意', '基本满意', '不满意', '废票', '弃权', '合计', '发出票数', '唱票人：', '计票人：', '监票人：']) has(text, w);
    expect(text.split('监票人：').length - 1).toBe(4);
  });
});

describe('a decision against the quota (the worked example, 李志明 decided 优秀)', () => {
  const { input } = workedExample();
  const withDecision = {
    ...input,
    decisions: [
      {
        id: 'S2',
        grade: 'excellent' as const,
        reason: '经部长办公会研究，确定为优秀',
        by: '张三',
        at: '2025-01-06',
        quotaNote: '本类别优秀 2 人，超出名额（1 人）1 人；良好 0 人，名额（1 人）空出 1 个，不由他人递补',
      },
    ],
  };
  const data = printDataOf(withDecision, computeAssessment(withDecision), input.policy, {
    assessment: { name: '村(社区)党组织第一书记“三定一诺双评”考核', year: 2024, region: '胶州市' },
    printDate: PRINT_DATE,
  });

  it('排名表 says it under the category, and in the decided row with what the decision recorded', async () => {
    const pdf = await print('ranking', data, 'quota-ranking', 1);
    const text = squeeze(pdf.text);
    has(text, '部长办公会审定后，本类别优秀2人，超出名额（1人）1人；良好0人，名额（1人）空出1个，不由他人递补');
    has(text, '审定理由：经部长办公会研究，确定为优秀（张三记录，2025年1月6日）。审定时本类别优秀2人，超出名额（1人）1人');
    // 计算等次 and 审定等次 side by side in the row
    has(squeeze(pdf.raw), '92.00良好优秀');
    // the decision is said once, in the documents' words
    expect(text.split('经部长办公会研究，确定为优秀').length - 1).toBe(1);
  });

  it('汇总表 lists the category, the band, its quota, how many hold it after the decision', async () => {
    const pdf = await print('summary', data, 'quota-summary', 1);
    // wrapped cells interleave in the layout text: read it in content order
    const text = squeeze(pdf.raw);
    has(text, '镇街·脱产·正股级（审定后超出名额）');
    has(text, '部长办公会审定后超出或空出名额（2项）');
    has(text, '1镇街·脱产·正股级优秀12超出名额1人');
    has(text, '2镇街·脱产·正股级良好10空出名额1个，不由他人递补');
  });
});

// 250 forms and 250 pages of ballots take Chromium a while on a small machine
describe('a county of 250', () => {
  const { data } = county(250);
  const rows = data.result.categories.flatMap((c) => c.rows);

  it('has 250 secretaries in 16 categories, with a decision, a direct grade and low turnout', () => {
    expect(rows).toHaveLength(250);
    expect(data.result.categories).toHaveLength(16);
    expect(rows.find((r) => r.id === 'JZ005')?.decision?.grade).toBe('good');
    expect(rows.find((r) => r.id === 'JZ041')?.grade).toBe('incompetent');
    expect(rows.find((r) => r.id === 'JZ018')?.flags).toContain('turnoutLow');
  });

  it('排名表: each category from a new page, the header on every page, every name and total', async () => {
    const pdf = await print('ranking', data, 'county-ranking', 3);
    expect(isA4(pdf.info, true)).toBe(true);
    expectNumbered(pdf);
    // the header's wrapped cells interleave in the layout text: read it in content order
    const header = '名次姓名派出单位所在镇街/村基本分组织工作目标考评得分应参加人数投票数很满意满意基本满意不满意废票弃权满意度考核总分计算等次审定等次说明';
    pdf.pages.forEach((page, i) => {
      expect(page).toMatch(/数据摘要 [0-9a-f]{8}/);
      has(squeeze(pdf.rawPages[i]!), header);
    });
    // a category's title opens a page, and only one category per page
    const starts = pdf.pages.map((p) => /考核结果排名表/.test(p));
    expect(starts.filter(Boolean)).toHaveLength(16);
    pdf.pages.forEach((page, i) => {
      const labels = data.result.categories.filter(
        (c) => page.includes(`类别：${c.label} `) || page.includes(`${c.label}　数据摘要`) || page.includes(`${c.label} 数据摘要`),
      );
      expect(labels.length, `page ${i + 1}`).toBe(1);
    });
    const text = squeeze(pdf.text);
    for (const row of rows) {
      has(text, row.secretary.name);
      if (row.total) has(pdf.text, toFixed(row.total, 2));
    }
    has(text, '审定理由：');
    has(text, '投票人数不足应参加人数的2/3');
  });

  it('汇总表: totals of 250 and every flag', async () => {
    const pdf = await print('summary', data, 'county-summary', 2);
    expectNumbered(pdf);
    const text = squeeze(pdf.text);
    expect(text).toMatch(/合计250/);
    for (const r of rows.filter((r) => r.flags.some((f) => f !== 'decided'))) has(text, r.secretary.name);
  });

  it('公示名单: all 250 numbered, in category groups, page numbers on every page', async () => {
    const pdf = await print('notice', data, 'county-notice', 2);
    expectNumbered(pdf);
    const text = squeeze(pdf.text);
    for (const r of rows) has(text, r.secretary.name);
    expect(pdf.text).toMatch(/\b250\s+\S+/);
    for (const page of pdf.pages.slice(1)) has(squeeze(page), '序号姓名派出单位');
  });

  it('个人考评表: a form for each of the 250, item-scored ones with inputs and evidence', async () => {
    const pdf = await print('individual', data, 'county-individual', 3);
    expect(isA4(pdf.info, false)).toBe(true);
    expect(pdf.info.pages).toBeGreaterThanOrEqual(250);
    expectNumbered(pdf);
    const forms = pdf.pages.filter((p) => p.includes('个人考评表'));
    expect(forms).toHaveLength(250);
    const text = squeeze(pdf.text);
    for (const r of rows) has(text, `姓名${r.secretary.name}`);
    has(text, '会议记录已核');
    has(text, '佐证材料核查');
    expect(text).toMatch(/计算等次：\S{2,4}部长办公会审定：良好/);
  }, 120_000);

  it('测评票 and 计票单: a page of ballots for each, two tally sheets a page', async () => {
    const ballots = await print('ballots', data, 'county-ballots', 1);
    expect(ballots.info.pages).toBe(250);
    const tally = await print('tally', data, 'county-tally', 1);
    expect(tally.info.pages).toBe(125);
    expectNumbered(tally);
  }, 120_000);
});
