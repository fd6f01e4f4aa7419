/**
 * Writes the bundled sample county (虚构的胶州市示例数据) and the worked example of
 * docs/method.md §8 as filled-in templates. Deterministic: a seeded PRNG, no clock.
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
import { writeFilledTemplate, type TemplateKind } from '../shared/io/templates';
import { inputColumns } from '../shared/io/rubric-inputs';
import { JIAOZHOU_RUBRIC } from '../shared/rubric/jiaozhou';
import type { Mode, RankClass, Source } from '../shared/model';
import { COUNTY_SIZES, itemScores, peopleMaker, prng, rosterRow, scoresRow, summaryRow, tallyRow, TOWNS, typicalVotes, type Person, type Row } from './people';

const rnd = prng(20240101);

function buildPeople(): Person[] {
  const person = peopleMaker(rnd, {
    towns: TOWNS,
    eligible: (r, postType) => (postType === '社区' ? r.int(45, 90) : r.int(28, 75)),
    uniqueNames: true,
  });
  const people: Person[] = [];
  for (const [source, mode, rankClass, size] of COUNTY_SIZES) {
    for (let i = 0; i < size; i++) people.push(person(source, mode, rankClass));
  }
  return people;
}

/** [很满意, 满意, 基本满意, 不满意] for a satisfaction of (vs+s)/cast, 40 cast. */
const votes40 = (satisfied: number, dissatisfied = 0): number[] => {
  const vs = Math.round(satisfied * 0.8);
  return [vs, satisfied - vs, 40 - satisfied - dissatisfied, dissatisfied, 0, 0];
};

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
    {
      person: category(people, 'town', 'parttime', 'junior')[6]!,
      kind: '违反六严禁造成严重不良影响',
      note: '擅自以村集体名义对外担保，造成严重不良影响，经市纪委查实',
    },
    { person: category(people, 'city', 'fulltime', 'section')[5]!, kind: '激化干群矛盾引发群体性事件', note: '处理土地流转纠纷方式简单粗暴，引发群众集体上访' },
  ];
}

interface DirectEventRow {
  person: Person;
  kind: string;
  note: string;
}

async function save(dir: string, kind: TemplateKind, rows: Row[]): Promise<void> {
  const bytes = await writeFilledTemplate(kind, rows, kind === 'scores' ? JIAOZHOU_RUBRIC : undefined);
  await writeFile(join(dir, `${kind}.xlsx`), bytes);
}

async function sampleCounty(dir: string): Promise<number> {
  const people = buildPeople();
  const events = plantEdgeCases(people);
  // roster order: by town and village, as a county office would keep it
  people.sort(
    (a, b) => String(a.roster.所在镇街).localeCompare(String(b.roster.所在镇街), 'zh') || String(a.roster.村社区).localeCompare(String(b.roster.村社区), 'zh'),
  );
  people.forEach((p, i) => (p.id = `JZ${String(i + 1).padStart(3, '0')}`));
  const codes = new Set(inputColumns(JIAOZHOU_RUBRIC).map((c) => c.input.code));
  // a draw of its own, as the sample county was first generated: the data stay the same
  for (const code of Object.keys(itemScores(rnd))) if (!codes.has(code)) throw new Error(`unknown input ${code}`);

  await mkdir(dir, { recursive: true });
  await save(dir, 'roster', people.map(rosterRow));
  await save(dir, 'summary', people.filter((p) => p.summary).map(summaryRow));
  await save(
    dir,
    'scores',
    people.filter((p) => !p.summary).map((p) => scoresRow(p, itemScores(rnd))),
  );
  await save(
    dir,
    'ballots',
    people.map((p) => tallyRow(rnd, p, p.votes ?? typicalVotes(rnd, p.eligible))),
  );
  await save(
    dir,
    'events',
    events.map((e) => ({ 编号: e.person.id, 姓名: e.person.roster.姓名, 事项: e.kind, 说明: e.note })),
  );
  return people.length;
}

/** docs/method.md §8: 镇街·脱产·正股级, four secretaries, summary scores. */
async function workedExample(dir: string): Promise<void> {
  const rows = [
    { id: 'S1', name: '张建国', org: 96, base: 90, votes: [30, 8, 2, 0, 0], eligible: 45, village: '前王家庄村' },
    { id: 'S2', name: '李海涛', org: 92, base: 78, votes: [35, 5, 0, 0, 0], eligible: 42, village: '后屯村' },
    { id: 'S3', name: '王丽静', org: 88, base: 85, votes: [20, 10, 5, 4, 1], eligible: 48, village: '东沙埠村' },
    { id: 'S4', name: '刘志明', org: 90, base: 86, votes: [10, 10, 20, 2, 0], eligible: 50, village: '西官庄村' },
  ];
  await mkdir(dir, { recursive: true });
  await save(
    dir,
    'roster',
    rows.map((r) => ({
      编号: r.id,
      姓名: r.name,
      派出单位: '胶西街道办事处',
      单位类别: '镇(街道)',
      驻村方式: '脱产驻村',
      职级类别: '正股级干部',
      所在镇街: '胶西街道',
      村社区: r.village,
      村社区类型: '村',
      应参加人数: r.eligible,
    })),
  );
  await save(
    dir,
    'summary',
    rows.map((r) => ({ 编号: r.id, 姓名: r.name, 基本分: r.base, 组织工作目标考评得分: r.org })),
  );
  await save(
    dir,
    'ballots',
    rows.map((r) => {
      const [vs, s, b, d, inv] = r.votes;
      return { 编号: r.id, 姓名: r.name, 很满意: vs, 满意: s, 基本满意: b, 不满意: d, 废票: inv, 弃权: 0 };
    }),
  );
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const n = await sampleCounty(join(root, 'samples', 'sample-county'));
await workedExample(join(root, 'test', 'fixtures', 'worked-example'));
process.stdout.write(`示例县 ${n} 人，已写出 samples/sample-county/ 和 test/fixtures/worked-example/\n`);
