/**
 * Writes the bundled sample county (虚构的胶州市示例数据) and the worked example of
 * RULES.md §8 as filled-in templates. Deterministic: a seeded PRNG, no clock.
 *
 *   npx tsx samples/generate.ts
 *
 * Sample county: ~200 secretaries in all 16 categories (镇街/市直 × 脱产/非脱产 × 四类).
 * 脱产 secretaries are scored item by item (市委组织部考核组), 非脱产 by summary
 * scores (镇街考核组, on paper). Edge cases on purpose:
 *  - 镇街·非脱产·非党政正职领导: ranks 3 and 4 exactly tied at the 优秀 boundary
 *  - 市直·非脱产·正股级: the top ranker has 基本分 78.5 < 80
 *  - 镇街·非脱产·正股级: the top ranker's village was downgraded B → C
 *  - 市直·脱产·副股级及以下: one box with turnout below 2/3
 *  - 镇街·脱产·副股级及以下: one with 32.5% 不满意 (recall, 基本称职)
 *  - 市直·非脱产·副股级及以下: one with 36% 不满意 (不称职 by the test)
 *  - two direct 不称职 events; 镇街·脱产·党政正职 (3) and 市直·非脱产·党政正职 (2) are too small for any place
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFilledTemplate, type TemplateKind, type TemplateValue } from '../shared/io/templates';
import { inputColumns } from '../shared/io/rubric-inputs';
import { JIAOZHOU_RUBRIC } from '../shared/rubric/jiaozhou';
import { MODE_LABELS, RANK_CLASS_LABELS, SOURCE_LABELS, type Mode, type RankClass, type Source } from '../shared/model';

type Row = Record<string, TemplateValue>;

/** mulberry32: small, fast, and the same everywhere. */
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
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
const rnd = prng(20240101);

const SURNAMES = '王李张刘陈杨赵孙周吴徐高马郭宋姜于薛綦匡法逄韩冷崔邵隋纪臧丁曲宫栾'.split('');
const GIVEN = '建国志明海涛丽静伟军红霞磊强洋鹏晓燕娜勇斌杰文华玉梅振东新春晨宁琳雪飞刚凯超鑫婷立峰'.split('');
const TOWNS = ['阜安街道', '中云街道', '三里河街道', '九龙街道', '胶东街道', '胶北街道', '胶西街道', '胶莱街道', '李哥庄镇', '铺集镇', '里岔镇', '洋河镇'];
const CITY_UNITS = [
  '市委办公室', '市政府办公室', '市委组织部', '市委宣传部', '市委政法委', '市发展和改革局', '市财政局', '市教育和体育局',
  '市卫生健康局', '市自然资源局', '市住房和城乡建设局', '市农业农村局', '市水利局', '市交通运输局', '市商务局',
  '市文化和旅游局', '市市场监督管理局', '市人力资源和社会保障局', '市民政局', '市司法局', '市应急管理局', '市审计局',
  '市统计局', '市医疗保障局', '市供销社', '市总工会', '团市委', '市妇联', '市科协', '市税务局',
];
const VILLAGE_HEADS = ['前', '后', '东', '西', '南', '北', '大', '小', '上', '下'];
const VILLAGE_CORES = ['王家', '李家', '张家', '姜家', '马家', '高家', '韩家', '宋家', '店口', '河崖', '沙埠', '官庄', '杨家', '范家', '朱家', '匡家', '逄家'];
const VILLAGE_TAILS = ['庄', '屯', '疃', '岭', '埠', '沟', '村'];
const COMMUNITY_NAMES = ['福州路', '常州路', '兰州西路', '扬州路', '广州北路', '杭州路', '郑州东路', '湘江路', '珠江路', '云溪', '北关', '澳门路'];

const usedNames = new Set<string>();
function personName(): string {
  for (;;) {
    const name = rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.chance(0.7) ? rnd.pick(GIVEN) : '');
    if (!usedNames.has(name)) {
      usedNames.add(name);
      return name;
    }
  }
}
const usedPosts = new Set<string>();
function post(town: string): { village: string; postType: '村' | '社区' } {
  const community = town.endsWith('街道') && rnd.chance(0.2);
  for (;;) {
    const village = community
      ? `${rnd.pick(COMMUNITY_NAMES)}社区`
      : `${rnd.chance(0.5) ? rnd.pick(VILLAGE_HEADS) : ''}${rnd.pick(VILLAGE_CORES)}${rnd.pick(VILLAGE_TAILS)}`.replace(/村$/, '') + '村';
    if (!usedPosts.has(town + village)) {
      usedPosts.add(town + village);
      return { village, postType: community ? '社区' : '村' };
    }
  }
}
const townUnit = (town: string) => (town.endsWith('街道') ? `${town}办事处` : `${town}人民政府`);

interface Person {
  id: string;
  source: Source;
  mode: Mode;
  rankClass: RankClass;
  roster: Row;
  eligible: number;
  /** [很满意, 满意, 基本满意, 不满意, 废票, 弃权] */
  votes?: number[];
  summary?: { base: string; org: string };
}

const SIZES: [Source, Mode, RankClass, number][] = [
  ['town', 'fulltime', 'chief', 3], ['town', 'fulltime', 'leader', 8], ['town', 'fulltime', 'section', 14], ['town', 'fulltime', 'junior', 24],
  ['town', 'parttime', 'chief', 6], ['town', 'parttime', 'leader', 10], ['town', 'parttime', 'section', 18], ['town', 'parttime', 'junior', 24],
  ['city', 'fulltime', 'chief', 4], ['city', 'fulltime', 'leader', 13], ['city', 'fulltime', 'section', 20], ['city', 'fulltime', 'junior', 16],
  ['city', 'parttime', 'chief', 2], ['city', 'parttime', 'leader', 9], ['city', 'parttime', 'section', 12], ['city', 'parttime', 'junior', 15],
];

/** A typical ballot box: good turnout, mostly 很满意/满意. */
function typicalVotes(eligible: number): number[] {
  const cast = Math.min(eligible, Math.ceil((eligible * 2) / 3) + rnd.int(2, Math.max(2, Math.floor(eligible / 3))));
  const invalid = rnd.chance(0.3) ? rnd.int(1, 2) : 0;
  const abstain = rnd.chance(0.15) ? 1 : 0;
  const valid = cast - invalid - abstain;
  const dissatisfied = rnd.chance(0.4) ? rnd.int(1, 2) : 0;
  const basic = rnd.int(0, Math.max(1, Math.floor(valid * 0.12)));
  const rest = valid - dissatisfied - basic;
  const verySatisfied = Math.round(rest * (0.55 + rnd.next() * 0.35));
  return [verySatisfied, rest - verySatisfied, basic, dissatisfied, invalid, abstain];
}

/** [很满意, 满意, 基本满意, 不满意] for a satisfaction of (vs+s)/cast, 40 cast. */
const votes40 = (satisfied: number, dissatisfied = 0): number[] => {
  const vs = Math.round(satisfied * 0.8);
  return [vs, satisfied - vs, 40 - satisfied - dissatisfied, dissatisfied, 0, 0];
};

const decimal = (x: number) => String(Math.round(x * 2) / 2);

function buildPeople(): Person[] {
  const people: Person[] = [];
  for (const [source, mode, rankClass, size] of SIZES) {
    for (let i = 0; i < size; i++) {
      const town = rnd.pick(TOWNS);
      const { village, postType } = post(town);
      const eligible = postType === '社区' ? rnd.int(45, 90) : rnd.int(28, 75);
      const start = rnd.pick(['A', 'B', 'B', 'C', 'C', 'D'] as const);
      const up = start !== 'A' && rnd.chance(0.2);
      const end = up ? String.fromCharCode(start.charCodeAt(0) - 1) : start;
      const roster: Row = {
        姓名: personName(),
        派出单位: source === 'town' ? townUnit(town) : rnd.pick(CITY_UNITS),
        单位类别: SOURCE_LABELS[source],
        驻村方式: MODE_LABELS[mode],
        职级类别: RANK_CLASS_LABELS[rankClass],
        所在镇街: town,
        村社区: village,
        村社区类型: postType,
        应参加人数: eligible,
        年初定级: start,
        年末定级: end,
        在村工作天数: mode === 'fulltime' ? rnd.int(200, 245) : rnd.int(130, 200),
        全年工作日数: 250,
      };
      const person: Person = { id: '', source, mode, rankClass, roster, eligible };
      if (mode === 'parttime') {
        const base = 84 + rnd.next() * 16;
        const org = base + rnd.int(0, 6) * 5 + (up ? 10 : 0);
        person.summary = { base: decimal(base), org: decimal(Math.min(org, 112)) };
      }
      people.push(person);
    }
  }
  return people;
}

function category(people: Person[], source: Source, mode: Mode, rankClass: RankClass): Person[] {
  return people.filter((p) => p.source === source && p.mode === mode && p.rankClass === rankClass);
}

/** The edge cases of the header comment, on fixed members of their categories. */
function plantEdgeCases(people: Person[]): DirectEventRow[] {
  const fixed = (p: Person, org: number, base: number, votes: number[], eligible = 45) => {
    p.summary = { base: String(base), org: String(org) };
    p.votes = votes;
    p.eligible = eligible;
    p.roster.应参加人数 = eligible;
    p.roster.年末定级 = p.roster.年初定级;
  };
  // boundary tie: quota 3, ranks 3 and 4 identical in total, org score and satisfaction
  const tie = category(people, 'town', 'parttime', 'leader');
  fixed(tie[0]!, 130, 96, votes40(39));
  fixed(tie[1]!, 125, 94, votes40(38));
  fixed(tie[2]!, 120, 92, [30, 7, 3, 0, 0, 0]);
  fixed(tie[3]!, 120, 92, [30, 7, 3, 0, 0, 0]);
  fixed(tie[4]!, 118, 90, votes40(36));
  tie.slice(5).forEach((p, i) => fixed(p, 96 + i * 2, 85 + i, votes40(32 + i)));
  // top ranker below the 80-point base score
  const lowBase = category(people, 'city', 'parttime', 'section');
  fixed(lowBase[0]!, 123.5, 78.5, votes40(40));
  lowBase.slice(1).forEach((p, i) => fixed(p, 98 + i, 84 + i, votes40(33 + (i % 4))));
  // top ranker whose village was downgraded B → C
  const down = category(people, 'town', 'parttime', 'section');
  fixed(down[0]!, 124, 96, votes40(39));
  down[0]!.roster.年初定级 = 'B';
  down[0]!.roster.年末定级 = 'C';
  down.slice(1).forEach((p, i) => fixed(p, 96 + (i % 9) * 2, 84 + (i % 9), votes40(32 + (i % 6))));
  // low turnout: 35 of 60 (< 2/3)
  const low = category(people, 'city', 'fulltime', 'junior')[2]!;
  low.eligible = 60;
  low.roster.应参加人数 = 60;
  low.votes = [25, 7, 2, 1, 0, 0];
  // recall: 13 of 40 不满意 (32.5% > 30%), satisfaction 22/40 < 2/3
  const recall = category(people, 'town', 'fulltime', 'junior')[4]!;
  recall.eligible = 48;
  recall.roster.应参加人数 = 48;
  recall.votes = [12, 10, 5, 13, 0, 0];
  // 不称职 by the test: 13 of 36 不满意
  const bad = category(people, 'city', 'parttime', 'junior')[3]!;
  bad.eligible = 40;
  bad.roster.应参加人数 = 40;
  bad.votes = [10, 8, 5, 13, 0, 0];
  return [
    { person: category(people, 'town', 'parttime', 'junior')[6]!, kind: '违反六严禁造成严重不良影响', note: '擅自以村集体名义对外担保，造成严重不良影响，经市纪委查实' },
    { person: category(people, 'city', 'fulltime', 'section')[5]!, kind: '激化干群矛盾引发群体性事件', note: '处理土地流转纠纷方式简单粗暴，引发群众集体上访' },
  ];
}

interface DirectEventRow {
  person: Person;
  kind: string;
  note: string;
}

/** Item inputs of a conscientious secretary, with the odd miss and some bonuses. */
function itemScores(): Row {
  const row: Row = {};
  const yes = (p: number) => (rnd.chance(p) ? '是' : null);
  const count = (p: number, hi: number) => (rnd.chance(p) ? rnd.int(1, hi) : null);
  row['A1.1a'] = rnd.chance(0.05) ? '是' : null;
  row['A1.1b'] = rnd.chance(0.08) ? rnd.int(1, 3) : null;
  row['A1.2'] = yes(0.92);
  row['A1.3'] = count(0.4, 2);
  row['A1.4'] = count(0.05, 1);
  row['A2.1'] = yes(0.9);
  row['A2.2'] = yes(0.95);
  row['A3.1'] = count(0.06, 1);
  row['A3.2'] = count(0.25, 3);
  row['A3.3'] = yes(0.4);
  row['A3.4'] = yes(0.3);
  row['A4.1'] = yes(0.35);
  row['A4.2'] = rnd.chance(0.2) ? rnd.int(4, 16) * 2500 : null;
  row['A5.1'] = yes(0.5);
  row['B1.1'] = rnd.chance(0.8) ? 4 : rnd.pick([2.5, 3, 3.5]);
  row['B1.2'] = yes(0.85);
  row['B2.1'] = count(0.2, 2);
  row['B3.1'] = count(0.1, 1);
  row['B4.1'] = rnd.chance(0.85) ? 5 : rnd.pick([3, 4, 4.5]);
  row['B4.2'] = rnd.chance(0.85) ? 3 : 2;
  row['B5.1a'] = rnd.chance(0.05) ? 1 : null;
  row['B5.1b'] = rnd.chance(0.04) ? '是' : null;
  row['B5.2'] = yes(0.35);
  row['B5.3'] = count(0.2, 2);
  row['B5.4'] = count(0.1, 1);
  row['B5.5'] = count(0.3, 3);
  row['B6.1a'] = rnd.chance(0.02) ? 1 : null;
  row['B6.2a'] = rnd.chance(0.03) ? 1 : null;
  row['C1'] = rnd.chance(0.3) ? rnd.int(2, 12) * 5000 : null;
  row['C2'] = rnd.chance(0.25) ? rnd.int(1, 10) * 10000 : null;
  row['C3a'] = rnd.chance(0.01) ? 1 : null;
  row['C3b'] = rnd.chance(0.04) ? 1 : null;
  row['C3c'] = rnd.chance(0.08) ? 1 : null;
  row['C3d'] = rnd.chance(0.12) ? 1 : null;
  row['C4'] = count(0.15, 1);
  return row;
}

async function save(dir: string, kind: TemplateKind, rows: Row[]): Promise<void> {
  const bytes = await writeFilledTemplate(kind, rows, kind === 'scores' ? JIAOZHOU_RUBRIC : undefined);
  await writeFile(join(dir, `${kind}.xlsx`), bytes);
}

async function sampleCounty(dir: string): Promise<number> {
  const people = buildPeople();
  const events = plantEdgeCases(people);
  // roster order: by town and village, as a county office would keep it
  people.sort((a, b) => String(a.roster.所在镇街).localeCompare(String(b.roster.所在镇街), 'zh') || String(a.roster.村社区).localeCompare(String(b.roster.村社区), 'zh'));
  people.forEach((p, i) => (p.id = `JZ${String(i + 1).padStart(3, '0')}`));
  const codes = new Set(inputColumns(JIAOZHOU_RUBRIC).map((c) => c.input.code));
  for (const code of Object.keys(itemScores())) if (!codes.has(code)) throw new Error(`unknown input ${code}`);

  await mkdir(dir, { recursive: true });
  await save(dir, 'roster', people.map((p) => ({ 编号: p.id, ...p.roster })));
  await save(dir, 'summary', people.filter((p) => p.summary).map((p) => ({ 编号: p.id, 姓名: p.roster.姓名, 基本分: Number(p.summary!.base), 组织工作目标考评得分: Number(p.summary!.org) })));
  await save(dir, 'scores', people.filter((p) => !p.summary).map((p) => ({ 编号: p.id, 姓名: p.roster.姓名, ...itemScores() })));
  await save(dir, 'ballots', people.map((p) => {
    const [vs, s, b, d, inv, abs] = p.votes ?? typicalVotes(p.eligible);
    const cast = vs! + s! + b! + d! + inv! + abs!;
    return { 编号: p.id, 姓名: p.roster.姓名, 很满意: vs, 满意: s, 基本满意: b, 不满意: d, 废票: inv, 弃权: abs, 发出票数: Math.min(p.eligible, cast + rnd.int(0, 2)) };
  }));
  await save(dir, 'events', events.map((e) => ({ 编号: e.person.id, 姓名: e.person.roster.姓名, 事项: e.kind, 说明: e.note })));
  return people.length;
}

/** RULES.md §8: 镇街·脱产·正股级, four secretaries, summary scores. */
async function workedExample(dir: string): Promise<void> {
  const rows = [
    { id: 'S1', name: '张建国', org: 96, base: 90, votes: [30, 8, 2, 0, 0], eligible: 45, village: '前王家庄村' },
    { id: 'S2', name: '李海涛', org: 92, base: 78, votes: [35, 5, 0, 0, 0], eligible: 42, village: '后屯村' },
    { id: 'S3', name: '王丽静', org: 88, base: 85, votes: [20, 10, 5, 4, 1], eligible: 48, village: '东沙埠村' },
    { id: 'S4', name: '刘志明', org: 90, base: 86, votes: [10, 10, 20, 2, 0], eligible: 50, village: '西官庄村' },
  ];
  await mkdir(dir, { recursive: true });
  await save(dir, 'roster', rows.map((r) => ({
    编号: r.id, 姓名: r.name, 派出单位: '胶西街道办事处', 单位类别: '镇(街道)', 驻村方式: '脱产驻村', 职级类别: '正股级干部',
    所在镇街: '胶西街道', 村社区: r.village, 村社区类型: '村', 应参加人数: r.eligible,
  })));
  await save(dir, 'summary', rows.map((r) => ({ 编号: r.id, 姓名: r.name, 基本分: r.base, 组织工作目标考评得分: r.org })));
  await save(dir, 'ballots', rows.map((r) => {
    const [vs, s, b, d, inv] = r.votes;
    return { 编号: r.id, 姓名: r.name, 很满意: vs, 满意: s, 基本满意: b, 不满意: d, 废票: inv, 弃权: 0 };
  }));
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const n = await sampleCounty(join(root, 'samples', 'sample-county'));
await workedExample(join(root, 'test', 'fixtures', 'worked-example'));
process.stdout.write(`示例县 ${n} 人，已写出 samples/sample-county/ 和 test/fixtures/worked-example/\n`);
