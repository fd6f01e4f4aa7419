/** Each template, filled in as a person would and read back, gives the same data. */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { MODE_LABELS, RANK_CLASS_LABELS, SOURCE_LABELS, type BallotTally, type Secretary } from '../model';
import { readBallots, readEvents, readRoster, readScores, readSummary, writeTemplate, TEMPLATE_KINDS, inputColumns } from '.';
import { fillTemplate } from './testing';

const secretaries: Secretary[] = [
  {
    id: 'JZ001',
    name: '张建国',
    unit: '胶西街道办事处',
    source: 'town',
    mode: 'fulltime',
    rankClass: 'section',
    town: '胶西街道',
    village: '前店口村',
    postType: 'village',
    eligibleVoters: 45,
    ratingStart: 'B',
    ratingEnd: 'A',
    daysPresent: 230,
    workDays: 250,
  },
  {
    id: 'JZ002',
    name: '李丽',
    unit: '市财政局',
    source: 'city',
    mode: 'parttime',
    rankClass: 'junior',
    town: '阜安街道',
    village: '福州路社区',
    postType: 'community',
    eligibleVoters: 60,
  },
];

const rosterRow = (s: Secretary) => ({
  编号: s.id,
  姓名: s.name,
  派出单位: s.unit ?? null,
  单位类别: SOURCE_LABELS[s.source],
  驻村方式: MODE_LABELS[s.mode],
  职级类别: RANK_CLASS_LABELS[s.rankClass],
  所在镇街: s.town ?? null,
  村社区: s.village ?? null,
  村社区类型: s.postType === 'community' ? '社区' : '村',
  应参加人数: s.eligibleVoters,
  年初定级: s.ratingStart ?? null,
  年末定级: s.ratingEnd ?? null,
  在村工作天数: s.daysPresent ?? null,
  全年工作日数: s.workDays ?? null,
});

describe('templates', () => {
  it.each(TEMPLATE_KINDS)('%s: a data sheet with a frozen, marked header, drop-downs and 填表说明', async (kind) => {
    const bytes = kind === 'scores' ? await writeTemplate('scores', JIAOZHOU_RUBRIC) : await writeTemplate(kind);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((ws) => ws.name)[1]).toBe('填表说明');
    const ws = workbook.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A1').value).toBe('编号*');
    const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(Object.keys(model).length).toBeGreaterThan(0);
    const instructions = workbook.getWorksheet('填表说明')!;
    expect(String(instructions.getCell('A1').value)).toContain('填表说明');
  });

  it('the scores template has one column per rubric input, headed by code and label', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTemplate('scores', JIAOZHOU_RUBRIC)) as unknown as ArrayBuffer);
    const headers = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 2)).toEqual(['编号*', '姓名']);
    expect(headers.slice(2)).toEqual(inputColumns(JIAOZHOU_RUBRIC).map((c) => c.header));
    expect(headers).toContain('A3.2 缺少民主活动日次数');
    expect(headers).toContain('C3a 引进一类项目个数');
    expect(headers).toContain('B5.1b 未入户走访');
  });
});

describe('round trip', () => {
  it('roster', async () => {
    const bytes = await fillTemplate(await writeTemplate('roster'), secretaries.map(rosterRow));
    expect(await readRoster(bytes)).toEqual({ ok: true, value: secretaries });
  });

  it('roster, for any names and numbers', async () => {
    const template = await writeTemplate('roster');
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[A-Z]{1,3}\d{1,4}$/), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(...(['chief', 'leader', 'section', 'junior'] as const)),
        async (ids, eligible, rankClass) => {
          const people = ids.map((id): Secretary => ({
            id,
            name: `书记${id}`,
            source: 'city',
            mode: 'parttime',
            rankClass,
            postType: 'village',
            eligibleVoters: eligible,
          }));
          const read = await readRoster(await fillTemplate(template, people.map(rosterRow)));
          expect(read).toEqual({ ok: true, value: people });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('summary', async () => {
    const bytes = await fillTemplate(await writeTemplate('summary'), [
      { 编号: 'JZ001', 姓名: '张建国', 基本分: 79.75, 组织工作目标考评得分: 101.5 },
      { 编号: 'JZ002', 基本分: '85', 组织工作目标考评得分: -2 },
    ]);
    expect(await readSummary(bytes)).toEqual({
      ok: true,
      value: [
        { id: 'JZ001', baseScore: '79.75', orgScore: '101.5' },
        { id: 'JZ002', baseScore: '85', orgScore: '-2' },
      ],
    });
  });

  it('scores', async () => {
    const bytes = await fillTemplate(await writeTemplate('scores', JIAOZHOU_RUBRIC), [
      { 编号: 'JZ001', 'A1.2': '是', 'A1.1b': 2, 'A3.2': 3, 'B1.1': 3.5, 'B5.1a': 2, 'B5.1b': '否', C1: 25000, C3a: 1 },
      { 编号: 'JZ002' },
    ]);
    expect(await readScores(bytes, JIAOZHOU_RUBRIC)).toEqual({
      ok: true,
      value: [
        { id: 'JZ001', inputs: { 'A1.1b': '2', 'A1.2': '1', 'A3.2': '3', 'B1.1': '3.5', 'B5.1a': '2', 'B5.1b': '0', C1: '25000', C3a: '1' } },
        { id: 'JZ002', inputs: {} },
      ],
    });
  });

  it('ballots', async () => {
    const tallies: BallotTally[] = [
      { id: 'JZ001', verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 1, abstain: 0, issued: 45 },
      { id: 'JZ002', verySatisfied: 20, satisfied: 10, basic: 5, dissatisfied: 4, invalid: 0, abstain: 2 },
    ];
    const bytes = await fillTemplate(
      await writeTemplate('ballots'),
      tallies.map((t) => ({
        编号: t.id,
        很满意: t.verySatisfied,
        满意: t.satisfied,
        基本满意: t.basic,
        不满意: t.dissatisfied,
        废票: t.invalid,
        弃权: t.abstain,
        发出票数: t.issued ?? null,
      })),
    );
    expect(await readBallots(bytes)).toEqual({ ok: true, value: tallies });
  });

  it('per-ballot layout gives the same tally as the tally layout, in any order', async () => {
    const options = ['很满意', '满意', '基本满意', '不满意', '废票', '弃权'] as const;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('S1', 'S2', 'S3'), fc.constantFrom(...options)), { minLength: 1, maxLength: 60 }), async (ballots) => {
        const perBallot = new ExcelJS.Workbook();
        const ws = perBallot.addWorksheet('测评计票');
        ws.addRow(['编号', '选项']);
        for (const [id, option] of ballots) ws.addRow([id, option]);
        const fromBallots = await readBallots(new Uint8Array((await perBallot.xlsx.writeBuffer()) as ArrayBuffer));

        const ids = [...new Set(ballots.map(([id]) => id))];
        const count = (id: string, option: string) => ballots.filter(([i, o]) => i === id && o === option).length;
        const tallyRows = ids.map((id) => ({
          编号: id,
          很满意: count(id, '很满意'),
          满意: count(id, '满意'),
          基本满意: count(id, '基本满意'),
          不满意: count(id, '不满意'),
          废票: count(id, '废票'),
          弃权: count(id, '弃权'),
        }));
        const fromTallies = await readBallots(await fillTemplate(await writeTemplate('ballots'), tallyRows));
        expect(fromBallots.ok && fromTallies.ok).toBe(true);
        if (!fromBallots.ok || !fromTallies.ok) return;
        const byId = (ts: BallotTally[]) => [...ts].sort((a, b) => a.id.localeCompare(b.id));
        expect(byId(fromBallots.value)).toEqual(byId(fromTallies.value));
      }),
      { numRuns: 15 },
    );
  });

  it('events', async () => {
    const bytes = await fillTemplate(await writeTemplate('events'), [{ 编号: 'JZ001', 事项: '信息迟缓处置不当导致群体性事件', 说明: '未及时报告，处置不当' }]);
    expect(await readEvents(bytes)).toEqual({ ok: true, value: [{ id: 'JZ001', kind: 'lateReport', note: '未及时报告，处置不当' }] });
  });
});
