/** The `shuangping` command line: commands and options, parsed without Node. */
import { TEMPLATE_KINDS, type TemplateKind } from '../io/template-kinds';
import { isPrintKind, PRINT_KIND_LABELS, PRINT_KINDS, type PrintKind } from '../model/prints';
import { noticeProblem, type NoticePeriod } from '../model/notice';

export const FILE_OPTIONS = ['roster', 'summary', 'scores', 'ballots', 'events'] as const;
export type FileOption = (typeof FILE_OPTIONS)[number];

export interface InputOptions {
  files: Partial<Record<FileOption, string>>;
  policy: string;
  out?: string;
  json?: string;
  pdf?: string;
}

/** What the printed page names: 年度, 地区, 打印日期 (YYYY-MM-DD), the 公示 period; what it covers: a category (its label or key), a town. */
export interface PrintMetaOptions {
  year?: number;
  region?: string;
  date?: string;
  notice?: NoticePeriod;
  category?: string;
  town?: string;
}

/** 山西 seed 003: 选派台账 (附表3) and 情况统计表 (附表4), from a roster. */
export const EXPORT_KINDS = ['taizhang', 'tongji'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_TITLES: Record<ExportKind, string> = { taizhang: '选派第一书记到村工作台账', tongji: '选派机关优秀干部到村任第一书记情况统计表' };

export type Command =
  | { command: 'template'; kind: TemplateKind; out?: string; roster?: string; policy: string }
  | { command: 'rules'; out?: string; policy: string }
  | { command: 'export'; kind: ExportKind; roster: string; out: string; year?: number; region?: string }
  | ({ command: 'print'; kind: PrintKind; out: string } & Pick<InputOptions, 'files' | 'policy'> & PrintMetaOptions)
  | ({ command: 'compute' | 'check' } & InputOptions)
  | { command: 'demo'; outDir?: string; policy: string; pdf?: string }
  | { command: 'verify'; file: string; keyFile?: string }
  | { command: 'term'; files: { path: string; year?: number }[]; policy: string; json?: string }
  | ({ command: 'printTerm'; files: { path: string; year?: number }[]; policy: string; out: string } & Pick<PrintMetaOptions, 'year' | 'region' | 'date'>)
  | { command: 'help' };

export type Parsed = { ok: true; value: Command } | { ok: false; message: string };

const ALLOWED: Record<string, readonly string[]> = {
  template: ['out', 'roster', 'policy'],
  rules: ['out', 'policy'],
  compute: [...FILE_OPTIONS, 'policy', 'out', 'json', 'pdf'],
  check: [...FILE_OPTIONS, 'policy'],
  demo: ['out', 'policy', 'pdf'],
  print: [...FILE_OPTIONS, 'policy', 'out', 'year', 'region', 'date', 'category', 'town', 'notice-start', 'notice-days'],
  verify: ['key-file'],
  export: ['roster', 'out', 'year', 'region'],
  term: ['policy', 'json'],
};

/** `--key value` or `--key=value`; positional words kept in order. */
function split(args: readonly string[]): { words: string[]; options: Map<string, string> } | string {
  const words: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const key = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : args[i + 1];
    if (eq < 0) i++;
    if (key === 'help') return 'help';
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return `选项 --${key} 后面缺少取值`;
    if (options.has(key)) return `选项 --${key} 重复`;
    options.set(key, value);
  }
  return { words, options };
}

export function parseArgs(args: readonly string[]): Parsed {
  if (args.length === 0 || args[0] === 'help' || args[0] === '-h') return { ok: true, value: { command: 'help' } };
  const split_ = split(args);
  if (split_ === 'help') return { ok: true, value: { command: 'help' } };
  if (typeof split_ === 'string') return { ok: false, message: split_ };
  const { words, options } = split_;
  const [command, ...rest] = words;
  if (command === undefined || !Object.hasOwn(ALLOWED, command)) {
    return { ok: false, message: command === undefined ? '缺少命令' : `未知的命令“${command}”` };
  }
  const unknown = [...options.keys()].filter((k) => !ALLOWED[command]!.includes(k));
  if (unknown.length) return { ok: false, message: `命令 ${command} 不接受选项 ${unknown.map((k) => `--${k}`).join('、')}` };
  const opt = (key: string) => options.get(key);
  const policy = opt('policy') ?? 'jiaozhou';

  switch (command) {
    case 'template': {
      const kind = rest[0];
      if (kind === undefined) return { ok: false, message: `请指明模板种类：${TEMPLATE_KINDS.join('、')}` };
      if (!(TEMPLATE_KINDS as readonly string[]).includes(kind)) {
        return { ok: false, message: `未知的模板种类“${kind}”，可选：${TEMPLATE_KINDS.join('、')}` };
      }
      if (rest.length > 1) return { ok: false, message: `多余的参数“${rest.slice(1).join(' ')}”` };
      const out = opt('out');
      const roster = opt('roster');
      if (roster !== undefined && kind === 'roster') return { ok: false, message: '名册模板不能由名册生成：--roster 只用于 summary、scores、ballots、events' };
      return { ok: true, value: { command: 'template', kind: kind as TemplateKind, policy, ...(out ? { out } : {}), ...(roster ? { roster } : {}) } };
    }
    case 'rules': {
      if (rest.length) return { ok: false, message: `多余的参数“${rest.join(' ')}”` };
      const out = opt('out');
      return { ok: true, value: { command: 'rules', policy, ...(out ? { out } : {}) } };
    }
    case 'demo': {
      if (rest.length) return { ok: false, message: `多余的参数“${rest.join(' ')}”` };
      const outDir = opt('out');
      const pdf = opt('pdf');
      return { ok: true, value: { command: 'demo', policy, ...(outDir ? { outDir } : {}), ...(pdf ? { pdf } : {}) } };
    }
    case 'print':
      return parsePrint(rest, opt, policy);
    case 'export':
      return parseExport(rest, opt);
    case 'term': {
      if (!rest.length)
        return {
          ok: false,
          message: '请指明任期内各年度的考核结果：shuangping term 2023=结果2023.json 2024=结果2024.xlsx（历年结果工作簿含年度列的可不注年度）',
        };
      const files = termFiles(rest);
      const json = opt('json');
      return { ok: true, value: { command: 'term', files, policy, ...(json ? { json } : {}) } };
    }
    case 'verify': {
      const [file, ...extra] = rest;
      if (file === undefined) return { ok: false, message: '请指明要校验的交换包或备份：shuangping verify 交换包.zip' };
      if (extra.length) return { ok: false, message: `多余的参数“${extra.join(' ')}”` };
      const keyFile = opt('key-file');
      return { ok: true, value: { command: 'verify', file, ...(keyFile ? { keyFile } : {}) } };
    }
    default: {
      if (rest.length) return { ok: false, message: `多余的参数“${rest.join(' ')}”，输入文件请用 --roster 等选项指明` };
      const files = inputFiles(opt);
      if (typeof files === 'string') return { ok: false, message: files };
      const value: Command = { command: command as 'compute' | 'check', files, policy };
      for (const key of ['out', 'json', 'pdf'] as const) {
        const v = opt(key);
        if (v !== undefined) value[key] = v;
      }
      return { ok: true, value };
    }
  }
}

/** Roster, ballots and scores are required, as for compute. */
function inputFiles(opt: (key: string) => string | undefined): Partial<Record<FileOption, string>> | string {
  const files: Partial<Record<FileOption, string>> = {};
  for (const key of FILE_OPTIONS) {
    const value = opt(key);
    if (value !== undefined) files[key] = value;
  }
  if (!files.roster) return '缺少名册：--roster 名册.xlsx';
  if (!files.ballots) return '缺少测评计票：--ballots 计票.xlsx';
  if (!files.summary && !files.scores) return '缺少考评得分：--summary 得分.xlsx 或 --scores 细则.xlsx（至少一个）';
  return files;
}

function parseExport(rest: readonly string[], opt: (key: string) => string | undefined): Parsed {
  const [kind, ...extra] = rest;
  const kinds = EXPORT_KINDS.map((k) => `${k} ${EXPORT_TITLES[k]}`).join('、');
  if (kind === undefined) return { ok: false, message: `请指明导出种类：${kinds}` };
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) return { ok: false, message: `未知的导出种类“${kind}”，可选：${kinds}` };
  if (extra.length) return { ok: false, message: `多余的参数“${extra.join(' ')}”` };
  const roster = opt('roster');
  if (!roster) return { ok: false, message: '缺少名册：--roster 名册.xlsx' };
  const k = kind as ExportKind;
  const value: Command = { command: 'export', kind: k, roster, out: opt('out') ?? `${EXPORT_TITLES[k]}.xlsx` };
  const year = opt('year');
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) return { ok: false, message: `--year 应为四位年份，如 2024，而不是“${year}”` };
    value.year = Number(year);
  }
  const region = opt('region');
  if (region !== undefined) value.region = region;
  return { ok: true, value };
}

function parsePrint(rest: readonly string[], opt: (key: string) => string | undefined, policy: string): Parsed {
  const [kind, ...extra] = rest;
  const kinds = PRINT_KINDS.map((k) => `${k} ${PRINT_KIND_LABELS[k]}`).join('、');
  if (kind === undefined) return { ok: false, message: `请指明打印种类：${kinds}` };
  if (!isPrintKind(kind)) return { ok: false, message: `未知的打印种类“${kind}”，可选：${kinds}` };
  if (kind === 'term') return parsePrintTerm(extra, opt, policy);
  if (extra.length) return { ok: false, message: `多余的参数“${extra.join(' ')}”，输入文件请用 --roster 等选项指明` };
  const files = inputFiles(opt);
  if (typeof files === 'string') return { ok: false, message: files };
  const value: Command = { command: 'print', kind, files, policy, out: opt('out') ?? `${PRINT_KIND_LABELS[kind]}.pdf` };
  const dated = datedBy(opt, value);
  if (dated) return { ok: false, message: dated };
  const category = opt('category');
  if (category !== undefined) value.category = category;
  const town = opt('town');
  if (town !== undefined) value.town = town;
  const notice = noticeOf(opt('notice-start'), opt('notice-days'));
  if (typeof notice === 'string') return { ok: false, message: notice };
  if (notice) value.notice = notice;
  return { ok: true, value };
}

/** A print's --year, --date and --region onto its command; the message when one is malformed. */
function datedBy(opt: (key: string) => string | undefined, value: { year?: number; date?: string; region?: string }): string | null {
  const year = opt('year');
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) return `--year 应为四位年份，如 2024，而不是“${year}”`;
    value.year = Number(year);
  }
  const date = opt('date');
  if (date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) return `--date 应为日期，如 2025-01-06，而不是“${date}”`;
    value.date = date;
  }
  const region = opt('region');
  if (region !== undefined) value.region = region;
  return null;
}

/** `2023=结果2023.json` or a 历年结果 workbook with its 年度 column. */
const termFiles = (words: readonly string[]) =>
  words.map((word) => {
    const m = /^(\d{4})=(.+)$/.exec(word);
    return m ? { year: Number(m[1]), path: m[2]! } : { path: word };
  });

/** `print term <[年度=]结果文件…>`: the 期满考核表 from the results of the term's years, as `term` reads them. */
function parsePrintTerm(words: readonly string[], opt: (key: string) => string | undefined, policy: string): Parsed {
  if (!words.length) return { ok: false, message: '请指明任期内各年度的考核结果：shuangping print term 2023=结果2023.json 2024=结果2024.xlsx' };
  if (FILE_OPTIONS.some((k) => opt(k) !== undefined)) return { ok: false, message: '期满考核表读取各年度的考核结果，不用 --roster 等选项' };
  const value: Command = { command: 'printTerm', files: termFiles(words), policy, out: opt('out') ?? `${PRINT_KIND_LABELS.term}.pdf` };
  const dated = datedBy(opt, value);
  if (dated) return { ok: false, message: dated };
  return { ok: true, value };
}

/** --notice-start 2025-01-06 --notice-days 5个工作日 (or 7天, or 7 for days). */
function noticeOf(start: string | undefined, days: string | undefined): NoticePeriod | null | string {
  if (start === undefined && days === undefined) return null;
  if (start === undefined) return '--notice-days 须与 --notice-start（公示开始日期，如 2025-01-06）一起给出';
  const match = /^(\d+)\s*(个工作日|工作日|天|日)?$/.exec(days ?? '5个工作日');
  if (!match) return `--notice-days 应为天数，如 5个工作日 或 7天，而不是“${days}”`;
  const period: NoticePeriod = { start, days: Number(match[1]), unit: match[2]?.includes('工作日') ? 'workday' : 'day' };
  const problem = noticeProblem(period);
  return problem ? `--notice-start/--notice-days：${problem}` : period;
}

export const USAGE = `双评工作站 命令行 — 村(社区)党组织“第一书记”考核

用法：
  shuangping template <roster|summary|scores|ballots|events|attendance|past> [--out 文件.xlsx]
        [--roster 名册.xlsx] [--policy 规则.xlsx]
      生成模板：名册、考评得分汇总、考评细则评分、测评计票、直接定等事项、考勤、历年结果；
      给出 --roster 时每名“第一书记”一行，已填好编号、姓名、所在镇街、村社区；
      考评细则评分模板按 --policy 规则工作簿中的考评细则生成（默认第十六条细则）
  shuangping rules [--policy jiaozhou|daan|touyan|规则.json|规则.xlsx] [--out 考核规则和细则.xlsx]
      把考核规则和考评细则写成工作簿，可在 Excel/WPS 中修改后用 --policy 读回
  shuangping compute --roster 名册.xlsx --ballots 计票.xlsx
        (--summary 得分.xlsx | --scores 细则.xlsx | 两者都给，但同一人只能在一张表中)
        [--events 事项.xlsx] [--policy jiaozhou|daan|touyan|规则.json|规则.xlsx]
        [--out 结果.xlsx] [--json 结果.json] [--pdf 结果.pdf]
      计算考核结果：排名定档，写出结果工作簿和 JSON
  shuangping check <与 compute 相同的输入>
      只检查输入，不计算
  shuangping demo [--out 文件夹] [--policy …] [--pdf 结果.pdf]
      用内置的示例县数据计算一遍，结果写到 ./demo-output/
  shuangping print term <[年度=]结果文件…> [--out 期满考核表.pdf] [--year 2025] [--region 胶州市] [--date 2025-01-06] [--policy …]
      期满考核表：读取与 term 相同的各年度考核结果，每人一份（--year 只打印任期在该年度或次年届满的）
  shuangping print <ranking|summary|notice|individual|ballots|tally|awards|approval|feedback|cadre> <与 compute 相同的输入>
        [--out 文件.pdf] [--year 2024] [--region 胶州市] [--date 2025-01-06]
        [--category 类别] [--town 镇街] [--notice-start 2025-01-06 --notice-days 5个工作日]
      打印为 PDF（A4，需要 Chromium 或 Chrome）：排名表、汇总表、公示名单、个人考评表、测评票、计票单、
      奖惩意见表、报批表、反馈函（每个派出单位一份）、干部档案登记表
      --category、--town 只打印一个类别（名称或键）、一个镇街；--notice-start、--notice-days 为公示期（不给则留空手写）
  shuangping export <taizhang|tongji> --roster 名册.xlsx [--out 文件.xlsx] [--year 2024] [--region 填报单位]
      从名册导出山西选派第一书记到村工作台账（附表3）或情况统计表（附表4）
  shuangping term <[年度=]结果文件…> [--policy …] [--json 期满考核.json]
      期满考核：读取任期内各年度的考核结果（本程序的结果 JSON 或工作簿，或“历年结果”工作簿），
      按身份证号（未填的按姓名和派出单位）对应同一人，按考核规则逐人给出期满考核结果和理由
  shuangping verify <交换包.zip|备份.zip> [--key-file 密钥.txt]
      校验交换包或备份：每个文件的 SHA-256、整包校验值、审计日志的哈希链和数据与导出记录的绑定；
      给出工作组密钥（--key-file，或环境变量 SHUANGPING_KEY）时解密并核对签名；通过退出 0，否则指出第一处问题并退出 1

考核规则预设：jiaozhou 胶州（默认）、daan 大安区、touyan 头雁工程；也可以给出规则 JSON 文件。

退出状态：0 完成（“提示：”开头的提醒写在标准错误输出上，不影响结果）；1 输入有错误（全部列在标准错误输出上，注明工作表、行、列；文件损坏、过大或不是 .xlsx 的，一句话指明文件）；2 用法错误。`;
