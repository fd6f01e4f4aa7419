/** Print test data: the worked example of docs/method.md §8, a generated county of 250, and the sample county's files. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readAssessmentInputs, type AssessmentFiles } from '../../shared/io/assessment';
import { computeAssessment } from '../../shared/method';
import type { AssessmentInput } from '../../shared/method/input';
import { inputOf, secretary, tally } from '../../shared/method/testing';
import { MODES, RANK_CLASSES, SOURCES, type AssessmentResult, type ItemScores, type Secretary, type SummaryScore } from '../../shared/model';
import { presetPolicy } from '../../shared/policy/presets';
import { JIAOZHOU_RUBRIC } from '../../shared/rubric/jiaozhou';
import { printDataOf } from '../../renderer/src/features/print/data';
import type { EvidenceLine, PrintData } from '../../renderer/src/features/print/model';

export const PRINT_DATE = '2025-01-06';

export function workedExample(): { input: AssessmentInput; data: PrintData } {
  const names: Record<string, Partial<Secretary>> = {
    S1: { name: '王建国', unit: '阜安街道办事处', town: '阜安街道', village: '前王家庄' },
    S2: { name: '李志明', unit: '中云街道办事处', town: '中云街道', village: '后李家屯' },
    S3: { name: '张海涛', unit: '李哥庄镇政府', town: '李哥庄镇', village: '东张家岭' },
    S4: { name: '刘丽静', unit: '铺集镇政府', town: '铺集镇', village: '西河崖村' },
  };
  const input = inputOf([
    { id: 'S1', org: '96', base: '90', votes: [30, 8, 2, 0, 0], eligible: 45, s: names.S1! },
    { id: 'S2', org: '92', base: '78', votes: [35, 5, 0, 0, 0], eligible: 42, s: names.S2! },
    { id: 'S3', org: '88', base: '85', votes: [20, 10, 5, 4, 1], eligible: 48, s: names.S3! },
    { id: 'S4', org: '90', base: '86', votes: [10, 10, 20, 2, 0], eligible: 50, s: names.S4! },
  ]);
  const result = computeAssessment(input);
  const data = printDataOf(input, result, input.policy, {
    assessment: { name: '村(社区)党组织第一书记“三定一诺双评”考核', year: 2024, region: '胶州市' },
    printDate: PRINT_DATE,
    locked: true,
    auditHead: '9f1f85300d86763c0000000000000000',
    notice: { start: PRINT_DATE, days: 7, unit: 'day' },
  });
  return { input, data };
}

/** mulberry32: the same county every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { int, pick, next };
}

const SURNAMES = '王李张刘陈杨赵孙周吴徐高马郭宋姜于薛綦匡法逄韩冷崔邵隋纪臧丁曲宫栾'.split('');
const GIVEN = '建国志明海涛丽静伟军红霞磊强洋鹏晓燕娜勇斌杰文华玉梅振东新春晨宁琳雪飞刚凯超鑫婷立峰'.split('');
const TOWNS = ['阜安街道', '中云街道', '三里河街道', '九龙街道', '胶东街道', '胶北街道', '胶西街道', '胶莱街道', '李哥庄镇', '铺集镇', '里岔镇', '洋河镇'];
const UNITS = [
  '市委办公室',
  '市财政局',
  '市教育和体育局',
  '市卫生健康局',
  '市自然资源局',
  '市住房和城乡建设局',
  '市农业农村局',
  '市人力资源和社会保障局',
  '市市场监督管理局',
  '市供销社',
];
const VILLAGES = ['前王家庄', '后李家屯', '东张家岭', '西河崖村', '大店口村', '小官庄', '南沙埠村', '北杨家疃', '上范家沟', '下朱家庄'];

export function county(size = 250): { input: AssessmentInput; data: PrintData } {
  const rnd = prng(20250106);
  const secretaries: Secretary[] = [];
  const itemScores: ItemScores[] = [];
  const summaryScores: SummaryScore[] = [];
  const tallies = [];
  const evidence: Record<string, EvidenceLine[]> = {};
  const used = new Set<string>();
  for (let i = 0; i < size; i++) {
    const id = `JZ${String(i + 1).padStart(3, '0')}`;
    let name: string;
    do name = rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.next() < 0.6 ? rnd.pick(GIVEN) : '');
    while (used.has(name));
    used.add(name);
    const source = rnd.pick(SOURCES);
    const town = rnd.pick(TOWNS);
    const s = secretary(id, {
      name,
      source,
      mode: rnd.pick(MODES),
      rankClass: RANK_CLASSES[i % 4]!,
      unit: source === 'town' ? `${town}${town.endsWith('镇') ? '政府' : '办事处'}` : rnd.pick(UNITS),
      town,
      village: rnd.pick(VILLAGES),
      eligibleVoters: rnd.int(30, 60),
      ratingStart: rnd.pick(['A', 'B', 'C'] as const),
      ratingEnd: rnd.pick(['A', 'B', 'C'] as const),
    });
    secretaries.push(s);
    if (s.mode === 'fulltime') {
      itemScores.push({
        id,
        inputs: {
          'A1.1a': rnd.next() < 0.1 ? '1' : '0',
          'A1.2': rnd.next() < 0.9 ? '1' : '0',
          'A1.3': String(rnd.int(0, 2)),
          'A2.1': '1',
          'A2.2': '1',
          'A3.2': String(rnd.int(0, 3)),
          'A4.2': String(rnd.int(0, 5) * 10000),
          'B1.1': String(rnd.int(2, 4)),
          'B1.2': '1',
          'B4.1': String(rnd.int(3, 5)),
          'B4.2': String(rnd.int(1, 3)),
          C1: String(rnd.int(0, 8) * 5000),
        },
      });
      evidence[id] = [
        { itemCode: 'A3.2', kind: '会议记录', status: 'checked' },
        { itemCode: 'B1.1', kind: '民情日记/工作日志', status: rnd.next() < 0.9 ? 'checked' : 'missing' },
        { itemCode: 'C1', kind: '项目台账', status: rnd.next() < 0.85 ? 'checked' : 'doubtful' },
      ];
    } else {
      const base = rnd.int(150, 198) / 2;
      summaryScores.push({ id, baseScore: String(base), orgScore: String(base + rnd.int(0, 30)) });
    }
    const e = s.eligibleVoters;
    const cast = i === 17 ? Math.floor(e / 2) : rnd.int(Math.ceil((2 * e) / 3), e);
    const dissatisfied = i === 23 ? Math.ceil(cast * 0.36) : rnd.int(0, 2);
    const basic = rnd.int(0, Math.max(0, Math.floor(cast / 5)));
    const invalid = rnd.int(0, 1);
    const rest = Math.max(0, cast - dissatisfied - basic - invalid);
    const very = rnd.int(Math.floor(rest / 2), rest);
    tallies.push(tally(id, [very, rest - very, basic, dissatisfied, invalid, 0]));
  }
  const input: AssessmentInput = {
    policy: presetPolicy('jiaozhou'),
    rubric: JIAOZHOU_RUBRIC,
    secretaries,
    itemScores,
    summaryScores,
    tallies,
    events: [{ id: 'JZ041', kind: 'breach', note: '驻村期间饮酒，造成不良影响' }],
    decisions: [{ id: 'JZ005', grade: 'good', reason: '经部长办公会研究，调整为良好', by: '考核办', at: '2025-01-05' }],
  };
  const result = computeAssessment(input);
  const data = printDataOf(input, result, input.policy, {
    assessment: { name: '村(社区)党组织第一书记“三定一诺双评”考核', year: 2024, region: '胶州市（示例）' },
    printDate: PRINT_DATE,
    locked: false,
    evidence,
  });
  return { input, data };
}

export const SAMPLE_DIR = resolve(__dirname, '..', '..', 'samples', 'sample-county');
const SAMPLE_KINDS = ['roster', 'summary', 'scores', 'ballots', 'events'] as const;

/** `--roster …/roster.xlsx --summary …` for the command line. */
export const sampleArgs = (): string[] => SAMPLE_KINDS.flatMap((k) => [`--${k}`, join(SAMPLE_DIR, `${k}.xlsx`)]);

/** The sample county's result, read as the command line reads it (胶州 policy and rubric). */
export async function sampleCounty(): Promise<AssessmentResult> {
  const file = async (kind: (typeof SAMPLE_KINDS)[number]) => ({
    name: `${kind}.xlsx`,
    bytes: new Uint8Array(await readFile(join(SAMPLE_DIR, `${kind}.xlsx`))),
  });
  const files: AssessmentFiles = {
    roster: await file('roster'),
    summary: await file('summary'),
    scores: await file('scores'),
    ballots: await file('ballots'),
    events: await file('events'),
  };
  const checked = await readAssessmentInputs(files, presetPolicy('jiaozhou'), JIAOZHOU_RUBRIC);
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join('\n'));
  return computeAssessment(checked.value);
}
