/**
 * Building blocks of the generated data (sample county, province benchmark): a
 * seeded PRNG, fictional names and places, a typical ballot box and the item
 * inputs of a conscientious secretary. Deterministic: no clock, no Math.random.
 */
import type { TemplateValue } from '../shared/io/templates';
import { MODE_LABELS, RANK_CLASS_LABELS, SOURCE_LABELS, type Mode, type RankClass, type Source } from '../shared/model';

export type Row = Record<string, TemplateValue>;

/** mulberry32: small, fast, and the same everywhere. */
export function prng(seed: number) {
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
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

const SURNAMES = '王李张刘陈杨赵孙周吴徐高马郭宋姜于薛綦匡法逄韩冷崔邵隋纪臧丁曲宫栾'.split('');
const GIVEN = '建国志明海涛丽静伟军红霞磊强洋鹏晓燕娜勇斌杰文华玉梅振东新春晨宁琳雪飞刚凯超鑫婷立峰'.split('');
export const TOWNS = [
  '阜安街道',
  '中云街道',
  '三里河街道',
  '九龙街道',
  '胶东街道',
  '胶北街道',
  '胶西街道',
  '胶莱街道',
  '李哥庄镇',
  '铺集镇',
  '里岔镇',
  '洋河镇',
];
const CITY_UNITS = [
  '市委办公室',
  '市政府办公室',
  '市委组织部',
  '市委宣传部',
  '市委政法委',
  '市发展和改革局',
  '市财政局',
  '市教育和体育局',
  '市卫生健康局',
  '市自然资源局',
  '市住房和城乡建设局',
  '市农业农村局',
  '市水利局',
  '市交通运输局',
  '市商务局',
  '市文化和旅游局',
  '市市场监督管理局',
  '市人力资源和社会保障局',
  '市民政局',
  '市司法局',
  '市应急管理局',
  '市审计局',
  '市统计局',
  '市医疗保障局',
  '市供销社',
  '市总工会',
  '团市委',
  '市妇联',
  '市科协',
  '市税务局',
];
const VILLAGE_HEADS = ['前', '后', '东', '西', '南', '北', '大', '小', '上', '下'];
const VILLAGE_CORES = ['王家', '李家', '张家', '姜家', '马家', '高家', '韩家', '宋家', '店口', '河崖', '沙埠', '官庄', '杨家', '范家', '朱家', '匡家', '逄家'];
const VILLAGE_TAILS = ['庄', '屯', '疃', '岭', '埠', '沟', '村'];
const COMMUNITY_NAMES = ['福州路', '常州路', '兰州西路', '扬州路', '广州北路', '杭州路', '郑州东路', '湘江路', '珠江路', '云溪', '北关', '澳门路'];

const townUnit = (town: string) => (town.endsWith('街道') ? `${town}办事处` : `${town}人民政府`);

/** The 16 categories (镇街/市直 × 脱产/非脱产 × 四类) and their sizes in the sample county. */
export const COUNTY_SIZES: [Source, Mode, RankClass, number][] = [
  ['town', 'fulltime', 'chief', 3],
  ['town', 'fulltime', 'leader', 8],
  ['town', 'fulltime', 'section', 14],
  ['town', 'fulltime', 'junior', 24],
  ['town', 'parttime', 'chief', 6],
  ['town', 'parttime', 'leader', 10],
  ['town', 'parttime', 'section', 18],
  ['town', 'parttime', 'junior', 24],
  ['city', 'fulltime', 'chief', 4],
  ['city', 'fulltime', 'leader', 13],
  ['city', 'fulltime', 'section', 20],
  ['city', 'fulltime', 'junior', 16],
  ['city', 'parttime', 'chief', 2],
  ['city', 'parttime', 'leader', 9],
  ['city', 'parttime', 'section', 12],
  ['city', 'parttime', 'junior', 15],
];

export interface Person {
  id: string;
  source: Source;
  mode: Mode;
  rankClass: RankClass;
  /** roster columns by Chinese header, without 编号 */
  roster: Row;
  eligible: number;
  /** [很满意, 满意, 基本满意, 不满意, 废票, 弃权] */
  votes?: number[];
  /** 非脱产 secretaries are scored on paper */
  summary?: { base: string; org: string };
}

export interface PeopleOptions {
  /** towns to post secretaries to */
  towns: readonly string[];
  /** 应参加人数 of a village or a community */
  eligible: (rnd: Rng, postType: '村' | '社区') => number;
  /** a county keeps names apart; a province need not */
  uniqueNames: boolean;
}

/** Makes secretaries one by one, in a fixed order of draws from `rnd`. */
export function peopleMaker(rnd: Rng, options: PeopleOptions) {
  const usedNames = new Set<string>();
  const usedPosts = new Set<string>();
  const personName = (): string => {
    for (;;) {
      const name = rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.chance(0.7) ? rnd.pick(GIVEN) : '');
      if (!options.uniqueNames) return name;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const post = (town: string): { village: string; postType: '村' | '社区' } => {
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
  };
  const decimal = (x: number) => String(Math.round(x * 2) / 2);

  return (source: Source, mode: Mode, rankClass: RankClass): Person => {
    const town = rnd.pick(options.towns);
    const { village, postType } = post(town);
    const eligible = options.eligible(rnd, postType);
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
    return person;
  };
}

/** A typical ballot box: good turnout, mostly 很满意/满意. */
export function typicalVotes(rnd: Rng, eligible: number): number[] {
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

/** Item inputs of a conscientious secretary, with the odd miss and some bonuses. */
export function itemScores(rnd: Rng): Row {
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

/** Rows of the workbooks, keyed as writeFilledTemplate takes them. */
export const rosterRow = (p: Person): Row => ({ 编号: p.id, ...p.roster });
export const summaryRow = (p: Person): Row => ({
  编号: p.id,
  姓名: p.roster.姓名,
  基本分: Number(p.summary!.base),
  组织工作目标考评得分: Number(p.summary!.org),
});
export const scoresRow = (p: Person, inputs: Row): Row => ({ 编号: p.id, 姓名: p.roster.姓名, ...inputs });
/** A tally row; 发出票数 is the cast plus up to two unreturned ballots, within the electorate. */
export function tallyRow(rnd: Rng, p: Person, votes: readonly number[]): Row {
  const [vs, s, b, d, inv, abs] = votes;
  const cast = vs! + s! + b! + d! + inv! + abs!;
  return {
    编号: p.id,
    姓名: p.roster.姓名,
    很满意: vs,
    满意: s,
    基本满意: b,
    不满意: d,
    废票: inv,
    弃权: abs,
    发出票数: Math.min(p.eligible, cast + rnd.int(0, 2)),
  };
}
