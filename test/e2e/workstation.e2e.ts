/**
 * The workstation from a person's seat: create an assessment, import roster,
 * scores and ballots, read the worked example (docs/method.md §8) with its reasons,
 * decide a boundary tie, reload, and see a bad workbook rejected with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { BALLOT_HEADER, BALLOT_ROWS, ROSTER_HEADER, ROSTER_ROWS, SUMMARY_HEADER, SUMMARY_ROWS, workbook } from './workbooks';

let app: App;
let assessmentHash = '';

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const rowsOf = (category: string) =>
  app.page
    .getByTestId('result-category')
    .filter({ has: app.page.getByRole('heading', { name: category, exact: true }) })
    .getByTestId('result-row');

async function rowTexts(category: string): Promise<string[]> {
  return rowsOf(category).allInnerTexts();
}

async function importVia(buttonName: string, file: { name: string; buffer: Buffer }) {
  await app.chooseFile(app.page.getByRole('button', { name: buttonName, exact: true }), file);
}

describe('双评工作站', () => {
  it('asks for the operator and creates an assessment', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('张三');
    await expect.poll(() => page.getByRole('heading', { name: '考核列表' }).isVisible()).toBe(true);
    await app.shot('01-考核列表-空');
    await page.getByRole('button', { name: '新建考核' }).click();
    const dialog = page.getByRole('dialog', { name: '新建考核' });
    await dialog.getByLabel('考核年度').fill('2024');
    await dialog.getByLabel('地区').fill('胶州市');
    await app.shot('02-新建考核');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { name: '考核设置' }).waitFor();
    assessmentHash = new URL(page.url()).hash;
    expect(assessmentHash).toMatch(/^#\/a\/[^/]+\/settings$/);
    await expect.poll(() => page.locator('.app-header').innerText()).toContain('2024年度');
    await app.shot('03-考核规则');
    await page.getByRole('tab', { name: '考评细则' }).click();
    await page.getByTestId('rubric-editor').waitFor();
    expect(await page.getByTestId('rubric-editor').innerText()).toContain('A3.2');
    await app.shot('04-考评细则');
  });

  it('shows policy errors and refuses to save an invalid policy', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '考核规则' }).click();
    const editor = page.getByTestId('policy-editor');
    await editor.getByLabel('优秀比例').fill('0.8');
    await expect.poll(() => editor.innerText()).toContain('各等次比例之和超过100%');
    expect(await editor.getByRole('button', { name: '保存考核规则' }).isDisabled()).toBe(true);
    await app.shot('05-考核规则-错误');
    await editor.getByRole('button', { name: '撤销修改' }).click();
    await expect.poll(() => editor.getByTestId('error-table').count()).toBe(0);
  });

  it('imports the roster, and a bad roster changes nothing', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: '名册' }).click();
    await page.getByRole('heading', { name: '名册' }).waitFor();
    await app.shot('06-名册-空');
    await importVia('导入名册', { name: '名册.xlsx', buffer: await workbook('名册', ROSTER_HEADER, ROSTER_ROWS) });
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(8);
    await app.shot('07-名册');

    const bad = await workbook('名册', ROSTER_HEADER, [
      ['B1', '错误甲', '某单位', '省直', '脱产', '正股级', '某镇', '某村', 40],
      ['B2', '错误乙', '某单位', '镇街', '脱产', '正股级', '某镇', '某村', 0],
    ]);
    await importVia('导入名册', { name: '错误名册.xlsx', buffer: bad });
    const errors = page.getByRole('dialog', { name: '导入名册：文件有错误' }).getByTestId('error-table');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('第2行');
    expect(text).toContain('单位类别');
    expect(text).toContain('第3行');
    expect(text).toContain('应参加人数');
    await app.shot('08-名册-错误');
    await page.getByRole('button', { name: '知道了' }).click();
    expect(await page.getByTestId('roster-table').locator('tbody tr').count()).toBe(8);
    expect(await page.getByTestId('roster-table').innerText()).toContain('王明');
  });

  it('filters the roster by town and finds by name', async () => {
    const { page } = app;
    await page.getByLabel('镇街', { exact: true }).selectOption('胶莱镇');
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(2);
    await page.getByLabel('镇街', { exact: true }).selectOption('');
    await page.getByLabel('查找').fill('刘洋');
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(1);
    await page.getByLabel('查找').fill('');
  });

  it('imports summary scores and ballots, and shows the worked example with its reasons', async () => {
    const { page } = app;
    await importVia('导入考评得分汇总', { name: '得分.xlsx', buffer: await workbook('考评得分汇总', SUMMARY_HEADER, SUMMARY_ROWS) });
    await page.getByText('已从“得分.xlsx”导入 8 条记录').waitFor();
    await importVia('导入测评计票', { name: '计票.xlsx', buffer: await workbook('测评计票', BALLOT_HEADER, BALLOT_ROWS) });
    await page.getByText('已从“计票.xlsx”导入 8 条记录').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: '结果' }).click();
    await page.getByRole('heading', { name: '考核结果' }).waitFor();
    const rows = await rowTexts('镇街·脱产·正股级');
    expect(rows).toHaveLength(4);
    const expected = [
      ['S2', '92.00', '良好'],
      ['S1', '91.20', '优秀'],
      ['S3', '66.00', '称职'],
      ['S4', '42.86', '基本称职'],
    ];
    expected.forEach(([id, total, grade], i) => {
      const row = rows[i]!;
      expect(row.startsWith(String(i + 1))).toBe(true);
      expect(row).toContain(id!);
      expect(row).toContain(total!);
      expect(row).toContain(grade!);
    });
    expect(rows[0]).toContain('78');
    expect(rows[0]).toMatch(/基本分/);
    const category = page.getByTestId('result-category').filter({ has: page.getByRole('heading', { name: '镇街·脱产·正股级', exact: true }) });
    expect(await category.innerText()).toContain('共 4 人');
    await app.shot('09-结果');
  });

  it('highlights a boundary tie and records the review meeting decision', async () => {
    const { page } = app;
    const tie = rowsOf('镇街·脱产·党政正职');
    await expect.poll(() => tie.and(page.locator('.tie-group')).count()).toBe(2);
    expect(await page.getByTestId('tie-notice').innerText()).toContain('2 名');
    await tie.filter({ hasText: 'T1' }).scrollIntoViewIfNeeded();
    await app.shot('10-结果-并列');

    await page.getByRole('button', { name: '审定 陈静' }).click();
    const dialog = page.getByRole('dialog', { name: '审定等次：陈静（T1）' });
    await dialog.getByLabel('审定等次').selectOption({ label: '优秀' });
    await dialog.getByLabel('审定理由').fill('经部长办公会研究，陈静年内引进项目较多，确定为优秀');
    await app.shot('11-审定');
    await dialog.getByRole('button', { name: '保存审定' }).click();
    await page.getByRole('button', { name: '审定 杨帆' }).click();
    const second = page.getByRole('dialog', { name: '审定等次：杨帆（T2）' });
    await second.getByLabel('审定等次').selectOption({ label: '良好' });
    await second.getByLabel('审定理由').fill('经部长办公会研究，确定为良好');
    await second.getByRole('button', { name: '保存审定' }).click();
    await expect.poll(() => tie.filter({ hasText: 'T1' }).innerText()).toContain('审定理由');
    const t1 = await tie.filter({ hasText: 'T1' }).innerText();
    // 计算等次 待定 and 审定等次 优秀 side by side, the reason once in 说明, with who recorded it
    expect(t1).toMatch(/待定\s+优秀/);
    expect(t1).toContain('张三记录');
    await expect.poll(() => page.getByTestId('tie-notice').innerText()).toContain('均已审定');
    await app.shot('12-结果-已审定');
  });

  it('rejects a bad ballot workbook and changes nothing', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: '名册' }).click();
    // one row that reads badly: nothing of the file is imported, not even S1's good row
    await importVia('导入测评计票', {
      name: '错误计票.xlsx',
      buffer: await workbook('测评计票', BALLOT_HEADER, [
        ['S1', 1, 1, 1, 1, 0],
        ['S2', 35, '五', 0, 0, 0],
      ]),
    });
    const errors = page.getByRole('dialog', { name: '导入测评计票：文件有错误' }).getByTestId('error-table');
    await errors.waitFor();
    expect(await errors.innerText()).toMatch(/测评计票[\s\S]*第3行[\s\S]*满意/);
    await app.shot('13-计票-错误');
    await page.getByRole('button', { name: '知道了' }).click();
    // reads well, but a box has more ballots than voters: refused inside the transaction
    await importVia('导入测评计票', {
      name: '超票.xlsx',
      buffer: await workbook('测评计票', BALLOT_HEADER, [
        ['S1', 1, 1, 1, 1, 0],
        ['T1', 45, 5, 0, 0, 0],
      ]),
    });
    const overflow = page.getByRole('dialog', { name: '导入测评计票：文件有错误' }).getByTestId('error-table');
    await overflow.waitFor();
    const text = await overflow.innerText();
    expect(text).toContain('第3行');
    expect(text).toContain('超过应参加人数');
    await page.getByRole('button', { name: '知道了' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '结果' }).click();
    await expect.poll(async () => (await rowTexts('镇街·脱产·正股级')).length).toBe(4);
    const rows = await rowTexts('镇街·脱产·正股级');
    expect(rows[1]).toContain('S1');
    expect(rows[1]).toContain('91.20');
  });

  it('keeps everything after a reload', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('heading', { name: '考核结果' }).waitFor();
    await expect.poll(async () => (await rowTexts('镇街·脱产·正股级')).length).toBe(4);
    const t1 = await rowsOf('镇街·脱产·党政正职').filter({ hasText: 'T1' }).innerText();
    expect(t1).toContain('审定理由');
    expect(t1).toMatch(/待定\s+优秀/);
    await page.getByRole('navigation').getByRole('link', { name: '名册' }).click();
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(8);
  });

  it('shows every screen', async () => {
    const { page } = app;
    const screens: [string, string][] = [
      ['首页', 'overview'],
      ['考评', 'scoring'],
      ['测评', 'ballots'],
      ['图表', 'charts'],
    ];
    for (const [label, key] of screens) {
      await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
      await expect.poll(() => new URL(page.url()).hash).toContain(`/${key}`);
      await app.settled();
      await app.shot(`20-${label}`);
    }
    await page.getByRole('link', { name: '← 考核列表' }).click();
    await page.getByTestId('assessment-list').getByText('2024').waitFor();
    await app.shot('21-考核列表');
  });

  it('adds and changes a secretary in the form, with checks', async () => {
    const { page } = app;
    await app.go(assessmentHash.replace(/settings$/, 'roster'));
    await page.getByRole('button', { name: '添加第一书记' }).click();
    const dialog = page.getByRole('dialog', { name: '添加第一书记' });
    await dialog.getByLabel('编号').fill('S1');
    await dialog.getByRole('button', { name: '保存' }).click();
    expect(await dialog.innerText()).toContain('编号“S1”已被使用');
    expect(await dialog.innerText()).toContain('请填写姓名');
    await dialog.getByLabel('编号').fill('S9');
    await dialog.getByLabel('姓名').fill('周新');
    await dialog.getByLabel('职级类别').selectOption({ label: '副股级及以下干部' });
    await dialog.getByLabel('所在镇街').fill('洋河镇');
    await dialog.getByLabel('应参加测评人数').fill('40');
    await app.shot('14-添加第一书记');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(9);
    await page.getByRole('button', { name: '修改 周新' }).click();
    const edit = page.getByRole('dialog', { name: '修改：周新（S9）' });
    await edit.getByLabel('姓名').fill('周新民');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('roster-table').innerText()).toContain('周新民');
  });

  it('downloads a template filled from the roster and exports the results', async () => {
    const { page } = app;
    const template = page.waitForEvent('download');
    await page.getByRole('group', { name: '下载模板' }).getByRole('button', { name: '测评计票' }).click();
    expect((await template).suggestedFilename()).toBe('测评计票（按名册）.xlsx');

    await page.getByRole('navigation').getByRole('link', { name: '结果' }).click();
    const xlsx = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await xlsx;
    expect(file.suggestedFilename()).toBe('2024年度考核结果-胶州市.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path())!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['镇街·脱产·正股级', '镇街·脱产·党政正职']));

    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 JSON' }).click();
    const { readFile } = await import('node:fs/promises');
    const result = JSON.parse(await readFile((await (await json).path())!, 'utf8'));
    const category = result.categories.find((c: { key: string }) => c.key === 'town|fulltime|section');
    expect(category.rows.map((r: { id: string; rank: number; grade: string; total: string }) => [r.id, r.rank, r.grade, r.total])).toEqual([
      ['S2', 1, 'good', '92.00'],
      ['S1', 2, 'excellent', '91.20'],
      ['S3', 3, 'competent', '66.00'],
      ['S4', 4, 'basic', '42.86'],
    ]);
  });

  it('adds a rubric item and exports the rubric', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: '考核', exact: true }).click();
    await page.getByRole('tab', { name: '考评细则' }).click();
    await page.getByRole('button', { name: '+ 在“办理实事（均为奖分）”中添加项目' }).click();
    const dialog = page.getByRole('dialog', { name: '添加考评项目' });
    await dialog.getByLabel('项目编码').fill('C4');
    await dialog.getByLabel('项目名称').fill('帮助村庄发展集体经济');
    await dialog.getByRole('button', { name: '+ 添加录入项' }).click();
    await dialog.getByLabel('录入项1编码').fill('C5');
    await dialog.getByLabel('录入项1名称').fill('发展集体经济项目个数');
    await dialog.getByLabel('录入项1录入方式').selectOption({ label: '次数/个数' });
    await dialog.getByLabel('录入项1分值').fill('5');
    await dialog.getByRole('button', { name: '保存项目' }).click();
    // C4 is taken: the error names it, nothing is saved
    await expect.poll(() => dialog.getByTestId('error-table').innerText()).toContain('编码“C4”重复');
    await app.shot('15-添加考评项目-错误');
    await dialog.getByLabel('项目编码').fill('C5');
    await dialog.getByRole('button', { name: '保存项目' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByTestId('rubric-editor').innerText()).toContain('发展集体经济项目个数');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出细则（JSON）' }).click();
    const { readFile } = await import('node:fs/promises');
    const rubric = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
    expect(JSON.stringify(rubric)).toContain('"C5"');
  });

  it('duplicates and archives an assessment', async () => {
    const { page } = app;
    await page.getByRole('link', { name: '← 考核列表' }).click();
    await page.getByRole('button', { name: /^复制 2024年度/ }).click();
    await page.getByRole('heading', { name: '考核设置' }).waitFor();
    expect(await page.locator('.app-header').innerText()).toContain('（副本）');
    await page.getByRole('navigation').getByRole('link', { name: '名册' }).click();
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(9);
    await page.getByRole('link', { name: '← 考核列表' }).click();
    await expect.poll(() => page.getByTestId('assessment-list').locator('tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: /^归档 .*（副本）/ }).click();
    await expect.poll(() => page.getByTestId('assessment-list').locator('tbody tr').count()).toBe(1);
    await page.getByLabel(/显示已归档的考核/).check();
    await expect.poll(() => page.getByTestId('assessment-list').innerText()).toContain('已归档');
    await app.shot('16-考核列表-归档');
  });

  it('has no page errors', () => {
    expect(app.errors).toEqual([]);
  });
});
