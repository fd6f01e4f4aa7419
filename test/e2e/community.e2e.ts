/**
 * The 社区 rubric of 第八条 (docs/method.md §2.6): the policy turned to 使用社区考评细则 gives
 * the assessment its 社区 rubric, shown and edited beside the village one; a 社区 secretary is
 * scored by it on 评分, a village one by the village rubric.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { workbook } from './workbooks';

let app: App;
let base = '';

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const ROSTER_HEADER = ['编号', '姓名', '单位类别', '驻村方式', '职级类别', '所在镇街', '村社区', '村社区类型', '应参加人数'];
const ROSTER_ROWS = [
  ['V1', '王明', '镇街', '脱产', '正股级', '胶东街道', '东庄村', '村', 45],
  ['C1', '李静', '镇街', '脱产', '正股级', '阜安街道', '福州路社区', '社区', 60],
];

describe('the 社区 rubric', () => {
  it('turning the policy to the 社区 rubric gives the assessment 第八条’s, shown beside the village one', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('李四');
    base = await app.newAssessment();
    await page.getByRole('tab', { name: '考核规则' }).click();
    const editor = page.getByTestId('policy-editor');
    await editor.getByLabel('社区第一书记的考评细则').selectOption('own');
    await editor.getByRole('button', { name: '保存考核规则' }).click();
    await page.getByRole('tab', { name: '考评细则（社区）' }).click();
    await expect.poll(() => page.getByTestId('community-rubric-note').innerText()).toContain('社区党组织“第一书记”按本细则评分');
    const rubric = page.getByTestId('rubric-editor');
    await expect.poll(() => rubric.innerText()).toContain('胶州市社区党组织“第一书记”工作目标考评细则');
    expect(await rubric.innerText()).toContain('指导建立和谐社区“215”党建工作运行机制');
    await app.shot('01-考评细则-社区');
    await page.getByRole('tab', { name: '考评细则（村）' }).click();
    await expect.poll(() => page.getByTestId('rubric-editor').innerText()).toContain('帮助村庄形成科学发展规划');
  });

  it('a bound of a code both rubrics share, changed on one side only, is not saved: the scores workbook has one column per code', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '考评细则（社区）' }).click();
    await page.getByRole('button', { name: '修改 A3.1' }).click();
    const dialog = page.getByRole('dialog', { name: '修改考评项目 A3.1' });
    await dialog.getByLabel('录入项1上限').fill('3');
    await dialog.getByRole('button', { name: '保存项目' }).click();
    await expect.poll(() => dialog.innerText()).toContain('录入项“A3.1”在村和社区考评细则中的上限（村：无，社区：3）不同');
    await app.shot('01-考评细则-社区-上限不一致');
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.getByRole('tab', { name: '考评细则（村）' }).click();
  });

  it('评分: the 社区 secretary is scored by the 社区 rubric, the village one by the village rubric', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '考核功能' }).getByRole('link', { name: '名册', exact: true }).click();
    await app.chooseFile(page.getByRole('button', { name: '导入名册', exact: true }), {
      name: '名册.xlsx',
      buffer: await workbook('名册', ROSTER_HEADER, ROSTER_ROWS),
    });
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(2);
    await app.go(`${base}/scoring`);
    await page.getByTestId('scoring-page').waitFor();
    await page.locator('.picker-item', { hasText: 'C1' }).click();
    await page.getByLabel('建立“215”党建工作运行机制').check();
    await expect.poll(() => page.getByTestId('org-score').innerText()).toBe('69');
    expect(await page.getByTestId('scoring-page').innerText()).toContain('健全组织网络');
    await app.shot('02-评分-社区书记');
    await page.locator('.picker-item', { hasText: 'V1' }).click();
    await page.getByLabel('形成科学发展规划').waitFor();
    expect(await page.getByLabel('建立“215”党建工作运行机制').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
