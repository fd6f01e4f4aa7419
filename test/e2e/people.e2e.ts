/**
 * One secretary across three years (docs/method.md §10–§13): 王明 (S1) is recalled in
 * 2023, graded 不称职 in 2024 (a roster without 身份证号: a person confirms the match),
 * and in 2025 carries 取消年度评优资格 into the results. The 奖惩 screen generates the
 * 奖惩意见, takes an edit with its reason, flags the 派出单位 with two recalls, and
 * prints the feedback letters; the person page shows the years, the consequences with
 * dates and the 期满考核.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { BALLOT_HEADER, BALLOT_ROWS, ROSTER_HEADER, ROSTER_ROWS, SUMMARY_HEADER, SUMMARY_ROWS, workbook } from './workbooks';

let app: App;
const bases: Record<number, string> = {};

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const ID_NUMBER = '370281199001011232';
const nav = (name: string) => app.page.getByRole('navigation', { name: '考核功能' }).getByRole('link', { name, exact: true });

async function importFile(button: string, name: string, buffer: Buffer, rows: number): Promise<void> {
  const { page } = app;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  // rows of secretaries, not the empty table's one-cell message
  if (button === '导入名册')
    return void (await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr:has(td:nth-child(2))').count()).toBe(rows));
  // the import's notice, or the errors it found (said in the failure)
  const done = page.getByText(`已从“${name}”导入 ${rows} 条记录`);
  await done.or(page.getByTestId('error-table')).first().waitFor();
  if (!(await done.count())) throw new Error(`导入 ${name} 失败：${await page.getByTestId('error-table').innerText()}`);
}

const EVENTS = ['编号', '事项', '说明', '日期'];
const wang = (extra: (string | number)[]) => [...ROSTER_ROWS[0]!, ...extra];

async function year(y: number, roster: Buffer, rosterRows: number, events: (string | number)[][]): Promise<void> {
  await app.go('#/');
  bases[y] = await app.newAssessment(String(y));
  await nav('名册').click();
  await importFile('导入名册', `名册${y}.xlsx`, roster, rosterRows);
  await importFile('导入直接定等事项', `事项${y}.xlsx`, await workbook('直接定等事项', EVENTS, events), events.length);
}

describe('one secretary across three years', () => {
  it('2023: recalled; 2024: 不称职 (no 身份证号 on that roster); 2025: the worked example, 身份证号 and 任期', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('王敏');
    await year(2023, await workbook('名册', [...ROSTER_HEADER, '身份证号'], [wang([ID_NUMBER])]), 1, [['S1', '召回', '季度研判，长期不在岗', '2023-06-30']]);
    await year(2024, await workbook('名册', ROSTER_HEADER, [ROSTER_ROWS[0]!]), 1, [['S1', '违反六严禁', '擅自离岗', '2024-10-08']]);
    const roster2025 = [wang([ID_NUMBER, '2023-03-01', '2025-12-31']), ...ROSTER_ROWS.slice(1).map((r) => [...r, '', '', ''])];
    await year(2025, await workbook('名册', [...ROSTER_HEADER, '身份证号', '任期开始', '任期结束'], roster2025), 8, [
      ['T1', '召回', '季度研判', '2025-03-31'],
      ['T2', '召回', '季度研判', '2025-09-30'],
    ]);
    await importFile('导入考评得分汇总', '得分.xlsx', await workbook('考评得分汇总', SUMMARY_HEADER, SUMMARY_ROWS), 8);
    await importFile('导入测评计票', '计票.xlsx', await workbook('测评计票', BALLOT_HEADER, BALLOT_ROWS), 8);
  });

  it('the 2024 secretary is matched only when a person confirms it', async () => {
    const { page } = app;
    await app.go(`${bases[2024]}/person/S1`);
    const proposals = page.getByTestId('person-proposals');
    await expect.poll(() => proposals.innerText()).toContain('2025年度 王明（编号 S1，三里河街道）：姓名、派出单位均相同');
    expect(await page.getByTestId('person-status').innerText()).toContain('尚未与往年对应');
    await app.settled();
    await app.shot('01-确认同一人');
    await proposals.getByRole('button', { name: '是同一人' }).click();
    // before it is saved: what it does to the open 2025 assessment
    const preview = page.getByTestId('link-preview');
    await expect.poll(() => preview.innerText()).toContain('新增不得评为优秀：2024年度考核不称职：取消年度评优资格（至2025年12月31日）');
    expect(await preview.innerText()).toContain('2025年度');
    expect(await preview.innerText()).toContain('已定稿的考核保留定稿时的往年处理');
    expect(await page.getByTestId('person-status').innerText()).toContain('尚未与往年对应');
    await app.settled();
    await app.shot('01-确认同一人-预览');
    await preview.getByRole('button', { name: '确认保存' }).click();
    await expect.poll(() => page.getByTestId('person-status').innerText()).toContain('已确认与往年为同一人');
  });

  it('opening 2025 shows who carries what, and the results pass 王明 over for 优秀 with the reason', async () => {
    const { page } = app;
    await app.go(`${bases[2025]}/overview`);
    const carried = page.getByTestId('carried-list');
    await expect.poll(() => carried.innerText()).toContain('2024年度考核不称职，取消年度评优资格（至2025年12月31日）〔不得评为优秀〕');
    expect(await carried.innerText()).toContain('两年内不得提拔重用（至2026年12月31日）');
    // the 2023 recall's 两年内不得提拔 ran out on 29 June 2025
    expect(await carried.innerText()).not.toContain('2023年6月30日被召回');
    await app.settled();
    await app.shot('02-往年处理');
    await nav('结果').click();
    const row = page.getByTestId('result-row').filter({ hasText: '王明' });
    await expect.poll(() => row.innerText()).toContain('2024年度考核不称职：取消年度评优资格（至2025年12月31日）');
    expect(await row.innerText()).toContain('往年处理影响期内，不得评为优秀');
    expect(await row.innerText()).not.toMatch(/\t优秀\s/);
    await row.scrollIntoViewIfNeeded();
    await app.shot('03-结果-往年处理');
  });

  it('the person page: three years, each consequence with its dates, and the 期满考核 by the policy', async () => {
    const { page } = app;
    await app.go(`${bases[2025]}/person/S1`);
    const years = page.getByTestId('person-years');
    await expect.poll(() => years.locator('tbody tr').count()).toBe(3);
    // 2025 as the results have it: passed over for 优秀
    expect(await years.locator('tbody tr').nth(2).innerText()).not.toMatch(/\t优秀\s/);
    expect(await page.getByTestId('person-status').innerText()).toContain(`身份证号：${ID_NUMBER}`);
    const consequences = await page.getByTestId('person-consequences').innerText();
    expect(consequences).toContain('2023年6月30日被召回');
    expect(consequences).toContain('2023年6月30日至2025年6月29日');
    expect(consequences).toContain('2024年度考核不称职');
    const term = await page.getByTestId('person-term').innerText();
    expect(term).toContain('任期2023年3月1日至2025年12月31日：期满考核不合格');
    expect(term).toContain('2024年度考核为不称职');
    await app.settled();
    await app.shot('04-历年考核');
  });

  it('奖惩: generated 奖惩意见, an edit with its reason, the 派出单位 with two recalls', async () => {
    const { page } = app;
    await app.go(`${bases[2025]}/awards`);
    await expect.poll(() => page.getByTestId('unit-recalls').innerText()).toContain('胶莱镇：2025年度本单位选派的第一书记被召回2次');
    const t3 = page.getByTestId('award-T3');
    await t3.getByRole('button', { name: '调整 赵磊 的奖惩意见' }).click();
    await t3.getByLabel('奖惩意见（每行一条）').fill('通报表扬');
    await t3.getByRole('button', { name: '保存调整' }).click();
    await t3.getByText('请填写调整理由').waitFor();
    await t3.getByLabel('调整理由').fill('部长办公会研究');
    await t3.getByRole('button', { name: '保存调整' }).click();
    await expect.poll(() => t3.innerText()).toContain('已调整（王敏）：部长办公会研究');
    expect(await page.getByTestId('award-T1').innerText()).toContain('因召回，当年不得评先评优');
    await app.settled();
    await app.shot('05-奖惩意见');
    await nav('审计').click();
    await expect.poll(() => page.locator('main').innerText()).toContain('调整奖惩意见');
  });

  it('the feedback letters print per 派出单位, the edit and the recall rule in them', async () => {
    const { page } = app;
    await app.go(`${bases[2025]}/print/feedback`);
    const doc = page.locator('.print-doc');
    await expect.poll(() => doc.innerText()).toContain('胶莱镇：');
    const text = await doc.innerText();
    expect(text).toContain('扣减派出单位目标绩效综合考评分值');
    expect(text).toContain('通报表扬');
    expect(text).not.toContain(ID_NUMBER);
    await app.settled();
    await app.shot('06-反馈函');
  });

  it('the 审批日期 of 2024, entered after the meeting: the consequences run from it, the 报批表 shows it', async () => {
    const { page } = app;
    await app.go(`${bases[2024]}/awards`);
    const form = page.getByTestId('approval-date');
    await expect.poll(() => form.innerText()).toContain('尚未录入审批日期：各等次的奖惩暂自2025年1月1日起计算');
    await form.getByLabel('市委审批日期').fill('2025-01-06');
    await form.getByRole('button', { name: '保存审批日期' }).click();
    await expect.poll(() => form.innerText()).toContain('各等次的奖惩自2025年1月6日（审批日期）起计算');
    await expect.poll(() => page.getByTestId('award-S1').innerText()).toContain('两年内不得提拔重用（至2027年1月5日）');
    await app.settled();
    await app.shot('07-审批日期');
    await app.go(`${bases[2024]}/print/approval`);
    await expect.poll(() => page.getByTestId('approved-at').innerText()).toContain('审批日期：2025年1月6日');
    await page.getByTestId('approved-at').scrollIntoViewIfNeeded();
    await app.settled();
    await app.shot('07-报批表-审批日期');
    await app.go(`${bases[2025]}/overview`);
    await expect.poll(() => page.getByTestId('carried-list').innerText()).toContain('两年内不得提拔重用（至2027年1月5日）');
    await app.go(`${bases[2024]}/audit`);
    await expect.poll(() => page.locator('main').innerText()).toContain('录入审批日期');
  });

  it('the consequences and the 期满考核 rule are edited in the 考核规则 of 2025, checked and saved', async () => {
    const { page } = app;
    await app.go(`${bases[2025]}/settings`);
    const editor = page.getByTestId('policy-consequences-editor');
    const block = editor.getByTestId('consequence-basic-0');
    await expect.poll(() => block.getByLabel('处理意见').inputValue()).toBe('由所在单位主要负责同志予以诫勉谈话，责其限期整改');
    await block.getByLabel('期限', { exact: true }).selectOption({ label: '1年内' });
    await block.scrollIntoViewIfNeeded();
    await app.settled();
    await app.shot('07-考核结果运用设置');
    await page.getByRole('button', { name: '保存考核规则' }).click();
    await app.go(`${bases[2025]}/audit`);
    await expect.poll(() => page.locator('main').innerText()).toContain('修改考核规则');
  });

  it('the 期满评价 entered on the person page, with its reason, is taken into the 期满考核', async () => {
    const { page } = app;
    await app.go(`${bases[2025]}/person/S1`);
    const form = page.getByTestId('term-evaluation');
    await expect.poll(() => form.innerText()).toContain('尚未录入期满评价');
    await form.getByLabel('派出单位和组织部门的期满评价').selectOption({ label: '合格' });
    await form.getByRole('button', { name: '保存期满评价' }).click();
    await form.getByText('请填写评价依据').waitFor();
    await form.getByLabel('评价依据').fill('三里河街道党工委评价意见');
    await form.getByRole('button', { name: '保存期满评价' }).click();
    await expect.poll(() => form.innerText()).toContain('期满评价：合格（三里河街道党工委评价意见；王敏录入）');
    await expect.poll(() => page.getByTestId('person-term').innerText()).toContain('期满评价为合格');
    await app.settled();
    await app.shot('07-期满评价');
  });

  it('the 期满考核表 of 2025: the term’s three years, 不合格, the 身份证号 masked', async () => {
    const { page } = app;
    await app.go(`${bases[2025]}/print/term`);
    const doc = page.locator('.print-doc');
    await expect.poll(() => doc.innerText()).toContain('期满考核结果：不合格');
    const text = await doc.innerText();
    expect(text).toContain('3702**********1232');
    expect(text).not.toContain(ID_NUMBER);
    expect(text).toContain('2023年6月30日被召回');
    expect(await page.getByTestId('term-evaluation-cell').first().innerText()).toBe('合格（三里河街道党工委评价意见）');
    await app.settled();
    await app.shot('07-期满考核表');
  });

  it('an earlier year imported from a 历年结果 workbook joins the person by 身份证号', async () => {
    const { page } = app;
    await app.go(`${bases[2025]}/awards`);
    const past = await workbook('历年结果', ['编号', '姓名', '年度', '身份证号', '派出单位', '等次'], [['W1', '王明', 2022, ID_NUMBER, '三里河街道', '优秀']]);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '导入历年结果' }).click();
    await (await chooser).setFiles({ name: '历年结果.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: past });
    // previewed first: the year, its secretaries and grades; nothing written yet
    const preview = page.getByTestId('past-preview');
    await expect.poll(() => preview.innerText()).toContain('优秀1人');
    expect(await preview.innerText()).toContain('2022年度');
    await preview.scrollIntoViewIfNeeded();
    await app.settled();
    await app.shot('08-历年结果-预览');
    await preview.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('已导入历年结果：2022年度，共 1 人次').waitFor();
    await app.go(`${bases[2025]}/person/S1`);
    await expect.poll(() => page.getByTestId('person-years').locator('tbody tr').count()).toBe(4);
    expect(await page.getByTestId('person-years').locator('tbody tr').first().innerText()).toContain('2022年度考核（历年结果）');
    await app.settled();
    await app.shot('08-历年结果');
    expect(app.errors).toEqual([]);
  });
});
