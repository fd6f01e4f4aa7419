/** The benchmark's figures as one table, each with its target and whether it is met. */
import type { AppFigures } from './app';
import type { Machine } from './machine';

type Figures = Record<string, number>;

export interface CliFigures {
  /** ExcelJS's streaming reader over the same workbooks: the floor */
  bare: Figures;
  /** `shuangping compute … --out --json` in one process */
  compute: Figures;
  check: Figures;
  /** read and check, compute, workbook, JSON */
  phases: Figures;
  /** `node bin/shuangping.mjs compute …`, startup included */
  spawnedMs: number;
  /** the median of command ÷ floor over runs made in turns */
  ratio: number;
  /** every run, in order: the figures above are the medians */
  runsMs: { bare: number[]; compute: number[] };
}

export interface Report {
  date: string;
  machine: Machine;
  province: { secretaries: number; ballots: number; county: number; generatedMs: number | null };
  /** `shuangping --help` and `node -e "require('exceljs')"`, wall times of runs in turns, and the median of the pairs' ratios */
  startup: { helpMs: number[]; exceljsMs: number[]; ratio: number };
  cli: Partial<Record<'tallies' | 'perBallot', CliFigures>>;
  /** 100,000 secretaries (BENCH_100K=1): the floor, the command, and its time per secretary against the province's */
  large: { secretaries: number; bare: Figures; compute: Figures; ratio: number; growth: number } | null;
  /** the results JSON is the same whether ballots were read as tallies or one row per ballot */
  sameResults: boolean;
  compute: Figures;
  pdf: Figures;
  app: AppFigures | null;
}

export const TARGETS = {
  helpRatio: 1.5,
  cliRatio: 1.5,
  computeMs: 100,
  memoryMb: 1024,
  appRatio: 1.5,
  /** no long animation frame over this during an import */
  frameMs: 200,
  /** time per secretary at 100,000 against the province's: no more than linear */
  growth: 1,
  /** "a few hundred rows" in the DOM */
  domRows: 300,
};

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (x: number) => `${Math.round(x)} MB`;
const met = (ok: boolean) => (ok ? '达到' : '未达到');
/** min / median / max of runs */
const spread = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `${s(sorted[0]!)} / ${s(sorted[Math.floor(sorted.length / 2)]!)} / ${s(sorted[sorted.length - 1]!)}`;
};

/** Rows of [measure, figure, target, met]. */
export function reportRows(r: Report): string[][] {
  const rows: string[][] = [];
  const words = { tallies: '计票汇总表', perBallot: `逐票表（${r.province.ballots.toLocaleString('en')} 行）` };
  const st = r.startup;
  rows.push([
    `shuangping --help（最短 / 中位 / 最长）与 Node 单独加载 ExcelJS（${st.helpMs.length} 次，轮流）`,
    `${spread(st.helpMs)}；${spread(st.exceljsMs)}；${st.ratio.toFixed(2)}×`,
    `≤ ${TARGETS.helpRatio}×`,
    met(st.ratio <= TARGETS.helpRatio),
  ]);
  for (const [variant, c] of Object.entries(r.cli) as ['tallies' | 'perBallot', CliFigures][]) {
    const w = words[variant];
    rows.push([`裸读（ExcelJS 流式读取，${w}）：最短 / 中位 / 最长`, spread(c.runsMs.bare), '下限', '']);
    rows.push([
      `命令行 compute + 结果工作簿 + JSON（${w}）：最短 / 中位 / 最长（中位比）`,
      `${spread(c.runsMs.compute)}（${c.ratio.toFixed(2)}×）`,
      `≤ ${TARGETS.cliRatio}× 裸读`,
      met(c.ratio <= TARGETS.cliRatio),
    ]);
    rows.push([
      `　其中 读取与检查 / 计算 / 合理性提示 / 结果工作簿 / JSON`,
      [c.phases.readMs, c.phases.computeMs, c.phases.warningsMs ?? 0, c.phases.xlsxMs, c.phases.jsonMs].map((x) => s(x!)).join(' / '),
      '',
      '',
    ]);
    rows.push([
      `　结果工作簿：本程序的写出 / ExcelJS 流式写出同样的单元格（3 次轮流的中位数）`,
      `${s(c.phases.xlsxWarmMs!)} / ${s(c.phases.xlsxFloorMs!)}（${c.phases.xlsxRatio!.toFixed(2)}×）`,
      '',
      '',
    ]);
    rows.push([`　命令行 check 单独（${w}）`, s(c.check.ms!), '', '']);
    rows.push([`　node bin/shuangping.mjs compute，含启动（${w}）`, s(c.spawnedMs), '', '']);
    rows.push([
      `命令行峰值内存 RSS / 堆（${w}）`,
      `${mb(c.compute.maxRssMb!)} / ${mb(c.compute.heapMb!)}`,
      `≤ ${TARGETS.memoryMb} MB`,
      met(c.compute.maxRssMb! <= TARGETS.memoryMb),
    ]);
  }
  const l = r.large;
  if (l) {
    rows.push([
      `${l.secretaries.toLocaleString('en')} 人：裸读 / 命令行 compute + 结果工作簿 + JSON`,
      `${s(l.bare.ms!)} / ${s(l.compute.ms!)}（${l.ratio.toFixed(2)}×）`,
      '',
      '',
    ]);
    rows.push([`　每人用时与全省之比（1 为线性）`, `${l.growth.toFixed(2)}`, `≤ ${TARGETS.growth}`, met(l.growth <= TARGETS.growth)]);
    rows.push([
      `　峰值内存 RSS / 堆`,
      `${mb(l.compute.maxRssMb!)} / ${mb(l.compute.heapMb!)}`,
      `< ${TARGETS.memoryMb} MB`,
      met(l.compute.maxRssMb! < TARGETS.memoryMb),
    ]);
  }
  rows.push(['两种计票表结果相同', r.sameResults ? '相同' : '不同', '相同', met(r.sameResults)]);
  rows.push([
    `计算 ${r.compute.secretaries} 人（${r.compute.runs} 次的中位数；最快 / 首次）`,
    `${r.compute.ms!.toFixed(0)} ms（${r.compute.minMs!.toFixed(0)} / ${r.compute.firstMs!.toFixed(0)} ms）`,
    `≤ ${TARGETS.computeMs} ms`,
    met(r.compute.ms! <= TARGETS.computeMs),
  ]);
  rows.push([`县级排名表 PDF（${r.pdf.secretaries} 人，${r.pdf.pages} 页）`, s(r.pdf.ms!), '', '']);
  if (r.app) rows.push(...appRows(r.app, { tallies: r.cli.tallies?.compute.ms, perBallot: r.cli.perBallot?.compute.ms }, words));
  return rows;
}

const FLOOR_WORDS: Record<string, string> = {
  version6: '数据库第 6 版的索引（每表 assessmentId，名册 [assessmentId+town]）',
  noAssessmentIdIndex: '去掉 assessmentId 索引',
  noTownIndex: '去掉 [assessmentId+town] 索引',
  noBoth: '两个索引都去掉',
  smallerRecords: '记录去掉每行重复的导入字段（source、importedBy、completed）',
  oneTransaction: '五个表一个事务',
  strict: "durability: 'strict'",
  relaxed: "durability: 'relaxed'",
};

/** The app's rows: each province import beside the command line's time of the same run (when measured). */
export function appRows(
  a: AppFigures,
  cli: Partial<Record<'tallies' | 'perBallot', number | undefined>>,
  words: Record<'tallies' | 'perBallot', string>,
): string[][] {
  const rows: string[][] = [];
  const STEP_WORDS: Record<string, string> = { open: '读取', check: '检查', backup: '备份', write: '写入' };
  for (const [variant, run] of [
    ['tallies', a.tallies],
    ['perBallot', a.perBallot],
  ] as const) {
    if (!run) continue;
    const cliMs = cli[variant];
    const ratio = cliMs ? run.importMs / cliMs : NaN;
    rows.push([
      `应用导入全省（5 个工作簿，${words[variant]}）`,
      `${s(run.importMs)}（命令行的 ${ratio.toFixed(2)}×）`,
      `≤ ${TARGETS.appRatio}× 命令行`,
      met(ratio <= TARGETS.appRatio),
    ]);
    rows.push([`　导入期间主线程最长的动画帧`, `${run.longestFrameMs.toFixed(0)} ms`, `≤ ${TARGETS.frameMs} ms`, met(run.longestFrameMs <= TARGETS.frameMs)]);
    const longest = run.imports.reduce((x, y) => (y.longestFrameMs > x.longestFrameMs ? y : x));
    rows.push([`　最长帧中运行的脚本（${longest.file}）`, (longest.longestFrameScripts ?? []).slice(0, 3).join('；') || '—', '', '']);
    if (variant === 'tallies') {
      const f = a.writeFloor;
      rows.push([
        `　写入的下限：IndexedDB 单独写入同样的记录（${f.runsMs.length} 次的中位数；最快）`,
        `${s(f.ms)}；${s(f.minMs ?? NaN)}（${Object.entries(f.tables)
          .map(([t, v]) => `${t} ${v.rows} 条 ${s(v.ms)}`)
          .join('，')}）`,
        '测量',
        '',
      ]);
      for (const [name, v] of Object.entries(f.variants ?? {})) {
        if (name === 'today') continue;
        rows.push([
          `　　下限的变体：${FLOOR_WORDS[name] ?? name}`,
          `${s(v.ms)}，最快 ${s(v.minMs ?? NaN)}；与同一轮的现状之比（中位）${(v.ratioToToday ?? NaN).toFixed(2)}（${Object.entries(v.tables)
            .map(([t, x]) => `${t} ${s(x.ms)}`)
            .join('，')}）`,
          '测量',
          '',
        ]);
      }
      if (f.defaultDurability) rows.push([`　　未指定时事务的 durability`, f.defaultDurability, '', '']);
    }
    for (const i of run.imports) {
      const steps = Object.entries(i.steps)
        .map(([k, v]) => `${STEP_WORDS[k] ?? k} ${s(v)}`)
        .join('，');
      rows.push([
        `　${i.file}（${i.count} 条）：${steps}；随后页面更新；长帧数、最长`,
        `${s(i.ms)}；${s(i.settleMs)}；${i.longFrames}、${i.longestFrameMs.toFixed(0)} ms`,
        '进度条',
        i.progress ? '显示' : '未显示',
      ]);
    }
  }
  rows.push([`打开结果（${a.categories} 个类别）`, s(a.resultsMs), '', '']);
  rows.push([
    `最大类别“${a.largest.label}”${a.largest.size} 人：DOM 中的行（滚动中最多）`,
    `${a.largest.rowsInDom}（${a.largest.rowsInDomMax}）`,
    `≤ ${TARGETS.domRows}`,
    met(a.largest.rowsInDomMax <= TARGETS.domRows),
  ]);
  for (const [words, f] of [
    ['滚轮式', a.scroll.wheel],
    ['拖到底', a.scroll.fling],
  ] as const) {
    rows.push([
      `　${words}滚动 ${f.frames} 帧、每帧 ${f.step} px：帧时 中位 / 95% / 最长；超过 50 ms 的帧；主线程长帧`,
      `${f.p50.toFixed(1)} / ${f.p95.toFixed(1)} / ${f.max.toFixed(1)} ms；${f.over50}；${f.longFrames}（${f.longFramesMs.toFixed(0)} ms）`,
      '',
      '',
    ]);
  }
  rows.push([`整页结果 DOM 中的行（全部类别）`, String(a.rowsInPage), '', '']);
  return rows;
}

/** The table, in Markdown, after the machine. */
export function renderReport(r: Report): string {
  const m = r.machine;
  const head = [
    `日期：${r.date}`,
    `机器：${m.cpu}，${m.cores} 核，内存 ${m.ramGb} GB，${m.os}；Node ${m.node}；${m.chromium}；负载（1 分钟平均）开始 ${m.load.toFixed(2)}、结束 ${(m.loadEnd ?? NaN).toFixed(2)}`,
    `数据：${r.province.secretaries.toLocaleString('en')} 名第一书记，${r.province.ballots.toLocaleString('en')} 张选票`,
    '',
  ];
  const rows = reportRows(r);
  const table = ['| 项目 | 结果 | 目标 | 是否达到 |', '|---|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)];
  return [...head, ...table].join('\n');
}
