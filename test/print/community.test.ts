/** The 个人考评表 of a 社区 secretary scored by the 社区 rubric of 第八条 (docs/method.md §2.6), read back from the PDF. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf, launchBrowser } from '../../cli/print/pdf';
import { printDataOf } from '../../renderer/src/features/print/data';
import { printHtml } from '../../renderer/src/features/print/html';
import { computeAssessment } from '../../shared/method';
import { inputOf, policyWith } from '../../shared/method/testing';
import { COMMUNITY_RUBRIC } from '../../shared/rubric/community';
import { PRINT_DATE } from './fixtures';
import { savePdf, snapshot, squeeze } from './pdf-tools';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('个人考评表 under the 社区 rubric', () => {
  it('a 社区 secretary’s form lists 第八条’s items; a village secretary’s the village ones', async () => {
    const base = inputOf([
      { id: 'V1', org: '0', base: '0', votes: [30, 8, 2, 0], s: { name: '王建国', village: '前王家庄' } },
      { id: 'C1', org: '0', base: '0', votes: [30, 8, 2, 0], s: { name: '李志明', village: '福州路社区', postType: 'community' } },
    ]);
    const complete = { 'A1.2': '1', 'A2.1': '1', 'A2.2': '1', 'B1.1': '4', 'B1.2': '1', 'B4.1': '5', 'B4.2': '3' };
    const input = {
      ...base,
      policy: policyWith({ communityRubric: 'own' }),
      communityRubric: COMMUNITY_RUBRIC,
      summaryScores: [],
      itemScores: [
        { id: 'V1', inputs: complete },
        { id: 'C1', inputs: complete },
      ],
    };
    const data = printDataOf(input, computeAssessment(input), input.policy, {
      assessment: { name: '村(社区)党组织第一书记考核', year: 2024, region: '胶州市' },
      printDate: PRINT_DATE,
    });
    const pdf = savePdf('community-individual', await htmlToPdf(browser, printHtml('individual', data), false));
    snapshot(pdf, 'community-individual', 2);
    // each form runs over two pages: a secretary's text runs from their 姓名 to the next one's
    const text = pdf.pages.map(squeeze).join('');
    const formOf = (name: string) => {
      const start = text.indexOf(`姓名${name}`);
      const next = text.indexOf('姓名', start + 2);
      return text.slice(start, next < 0 ? undefined : next);
    };
    const community = formOf('李志明');
    const village = formOf('王建国');
    for (const words of ['社区党组织和群团组织', '“215”党建工作运行机制', '社区“两委”工作例会', '为社区办理实事', '党建示范点', '社区党组织晋位升级'])
      expect(community.includes(words), `社区表缺少“${words}”`).toBe(true);
    for (const words of ['《暂行办法》', '科学发展规划', '村“两委”工作例会', '为村庄办理实事', '村党组织晋位升级'])
      expect(village.includes(words), `村表缺少“${words}”`).toBe(true);
    // the goals the items serve, on paper too: 第八条's for the 社区, 第七条's for the village
    for (const goal of ['A1健全组织网络', 'A2规范运行机制', 'A3抓好制度落实', 'A4建好活动场所', 'A5办理一批实事', '每年至少为社区办2件实事'])
      expect(community.includes(goal), `社区表缺少“${goal}”`).toBe(true);
    for (const goal of ['A1加强队伍建设', 'A2理清发展思路', 'A5建立服务机制']) expect(village.includes(goal), `村表缺少“${goal}”`).toBe(true);
    expect(village.includes('健全组织网络')).toBe(false);
    expect(village.includes('“215”')).toBe(false);
    expect(community.includes('科学发展规划')).toBe(false);
  });
});
