/**
 * A fictional province for the benchmark (issue 8): counties of 250 secretaries in
 * all 16 categories, 脱产 scored item by item and 非脱产 by summary, about 50
 * ballots a box. Pure and deterministic (seeded): rows keyed as writeFilledTemplate
 * takes them; the per-ballot rows are generated lazily (half a million of them).
 *
 *   const p = generateProvince();                      // 40 counties × 250 = 10,000
 *   const small = generateProvince({ counties: 4 });   // 1,000 secretaries, ~50,000 ballots
 */
import { BALLOT_OPTION_LABELS, BALLOT_OPTIONS } from '../shared/model';
import {
  COUNTY_SIZES,
  itemScores,
  peopleMaker,
  prng,
  rosterRow,
  scoresRow,
  summaryRow,
  tallyRow,
  TOWNS,
  typicalVotes,
  type Person,
  type Row,
  type Rng,
} from './people';

export interface ProvinceOptions {
  seed?: number;
  counties?: number;
  /** secretaries per county */
  perCounty?: number;
}

export interface ProvinceRows {
  roster: Row[];
  summary: Row[];
  scores: Row[];
  /** one tally row per ballot box */
  ballots: Row[];
  events: Row[];
}

export interface Province extends ProvinceRows {
  people: Person[];
  /** Σ cast: the number of per-ballot rows */
  ballotCount: number;
  /** [编号, 选项] per returned ballot, box by box, shuffled within a box */
  perBallot(): Iterable<[string, string]>;
  /** the rows of one county (0-based), e.g. for its printed ranking */
  county(index: number): ProvinceRows;
}

const COUNTY_NAMES = '东阳 西河 南岭 北川 青山 白水 红石 金沙 银川 玉泉 松林 柏乡 桃源 李庄 杏坛 梅溪 兰陵 竹溪 荷塘 菊潭'.split(' ');

/** 16 category sizes summing to `total`, in the proportions of the sample county (largest remainder). */
export function categorySizes(total: number): number[] {
  const county = COUNTY_SIZES.reduce((n, [, , , size]) => n + size, 0);
  const exact = COUNTY_SIZES.map(([, , , size]) => (size * total) / county);
  const sizes = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - sizes.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) sizes[order[k]![1]]! += 1;
  return sizes;
}

const countyName = (i: number) => `${COUNTY_NAMES[i % COUNTY_NAMES.length]}${i < COUNTY_NAMES.length ? '县' : '市'}`;
const idOf = (county: number, n: number) => `P${String(county + 1).padStart(2, '0')}${String(n + 1).padStart(3, '0')}`;

/** A box with more 不满意 than most: recall, 基本称职 or 不称职 by the test. */
function unhappyVotes(rnd: Rng, eligible: number): number[] {
  const cast = Math.ceil((eligible * 3) / 4);
  const dissatisfied = Math.floor(cast * (0.3 + rnd.next() * 0.12));
  const satisfied = Math.floor((cast - dissatisfied) * 0.7);
  return [Math.floor(satisfied / 2), satisfied - Math.floor(satisfied / 2), cast - dissatisfied - satisfied, dissatisfied, 0, 0];
}

/** Below the 2/3 turnout: the test is invalid for this box. */
const lowTurnoutVotes = (eligible: number): number[] => {
  const cast = Math.ceil((eligible * 2) / 3) - 2;
  return [cast - 4, 3, 1, 0, 0, 0];
};

const EVENTS = [
  ['违反六严禁造成严重不良影响', '违规以村集体名义对外担保，经纪委查实'],
  ['激化干群矛盾引发群体性事件', '处理土地流转纠纷方式简单，引发集体上访'],
  ['信息迟缓处置不当导致群体性事件', '矛盾纠纷信息报告不及时，处置不当'],
] as const;

export function generateProvince({ seed = 20250101, counties = 40, perCounty = 250 }: ProvinceOptions = {}): Province {
  const rnd = prng(seed);
  const sizes = categorySizes(perCounty);
  const people: Person[] = [];
  const events: Row[] = [];
  for (let c = 0; c < counties; c++) {
    const county = countyName(c);
    const person = peopleMaker(rnd, {
      towns: TOWNS.map((t) => `${county}${t}`),
      eligible: (r, postType) => (postType === '社区' ? r.int(55, 80) : r.int(45, 70)),
      uniqueNames: false,
    });
    let n = 0;
    COUNTY_SIZES.forEach(([source, mode, rankClass], k) => {
      for (let i = 0; i < sizes[k]!; i++) {
        const p = person(source, mode, rankClass);
        p.id = idOf(c, n++);
        const odd = rnd.next();
        p.votes = odd < 0.006 ? lowTurnoutVotes(p.eligible) : odd < 0.02 ? unhappyVotes(rnd, p.eligible) : typicalVotes(rnd, p.eligible);
        if (rnd.chance(0.003)) {
          const [kind, note] = rnd.pick(EVENTS);
          events.push({ 编号: p.id, 姓名: p.roster.姓名, 事项: kind, 说明: note });
        }
        people.push(p);
      }
    });
  }
  const rows: ProvinceRows = {
    roster: people.map(rosterRow),
    summary: people.filter((p) => p.summary).map(summaryRow),
    scores: people.filter((p) => !p.summary).map((p) => scoresRow(p, itemScores(rnd))),
    ballots: people.map((p) => tallyRow(rnd, p, p.votes!)),
    events,
  };
  const ballotCount = people.reduce((n, p) => n + p.votes!.reduce((a, b) => a + b, 0), 0);

  function* perBallot(): Iterable<[string, string]> {
    const shuffle = prng(seed + 1);
    for (const p of people) {
      const box: string[] = [];
      p.votes!.forEach((count, k) => {
        for (let i = 0; i < count; i++) box.push(BALLOT_OPTION_LABELS[BALLOT_OPTIONS[k]!]);
      });
      for (let i = box.length - 1; i > 0; i--) {
        const j = shuffle.int(0, i);
        [box[i], box[j]] = [box[j]!, box[i]!];
      }
      for (const option of box) yield [p.id, option];
    }
  }

  const county = (index: number): ProvinceRows => {
    const prefix = idOf(index, 0).slice(0, 3);
    const of = (list: Row[]) => list.filter((row) => String(row.编号).startsWith(prefix));
    return { roster: of(rows.roster), summary: of(rows.summary), scores: of(rows.scores), ballots: of(rows.ballots), events: of(rows.events) };
  };
  return { ...rows, people, ballotCount, perBallot, county };
}
