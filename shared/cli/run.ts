/**
 * What each command does, against an injected environment (files, output), so the
 * same code runs under Node and in tests. Exit status: 0 done (warnings, 提示, on stderr),
 * 1 input errors (a damaged or unreadable file included), 2 usage.
 */
import { computeAssessment, plausibilityWarnings, resultToJson } from '../method';
import { formatInputError, TERM_GRADES, type AssessmentResult, type InputError, type PlausibilityWarning, type Policy, type Rubric } from '../model';
import { aftermathOf, isPresetName, parsePolicyJson, presetPolicy } from '../policy';
import type { PastRow } from '../io/past';
import { reviewTerms, termSheetsOfReviews } from '../people/term-review';
import { COMMUNITY_RUBRIC } from '../rubric/community';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { readAssessmentInputs, type AssessmentFiles } from '../io/assessment';
import { openWorkbook, type WorkbookSource } from '../io/workbook';
import { TEMPLATE_TITLES } from '../io/template-kinds';
import { concatBytes, jsonParts } from './json-bytes';
import { FILE_OPTIONS, parseArgs, USAGE, type Command, type InputOptions } from './args';
import { summarize, warningLines } from './summary';
import type { CliEnv, PrintRequest } from './env';
import { verify } from './verify';

export type { CliEnv, PrintPdf, PrintRequest } from './env';

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

class Failure {
  constructor(
    readonly code: number,
    readonly lines: string[],
    /** warnings (提示), printed after the errors */
    readonly notes: string[] = [],
  ) {}
}

/** A warning as printed: "提示：“计票.xlsx / 测评计票” 第1行 “备注”列：…" */
const note = (warning: InputError) => `提示：${formatInputError(warning)}`;

const inputFailure = (errors: InputError[], warnings: InputError[] = []) => new Failure(EXIT_INPUT, errors.map(formatInputError), warnings.map(note));

export async function runCli(args: readonly string[], env: CliEnv): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed.ok) {
    env.stderr(`错误：${parsed.message}`);
    env.stderr('');
    env.stderr(USAGE);
    return EXIT_USAGE;
  }
  try {
    return await execute(parsed.value, env);
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    for (const line of [...e.lines, ...e.notes]) env.stderr(line);
    if (e.code === EXIT_INPUT) env.stderr(`共 ${e.lines.length} 处错误，未写出任何结果。`);
    return e.code;
  }
}

async function execute(command: Command, env: CliEnv): Promise<number> {
  switch (command.command) {
    case 'help':
      env.stdout(USAGE);
      return EXIT_OK;
    case 'template': {
      const out = command.out ?? `${TEMPLATE_TITLES[command.kind]}.xlsx`;
      const { rubric, communityRubric } = await loadRules(command.policy, env);
      const { kind } = command;
      // the workbook writer (ExcelJS) is loaded by the commands that write with it
      const { writeRosterTemplate, writeTemplate } = await import('../io/templates');
      let bytes: Uint8Array;
      if (command.roster !== undefined && kind !== 'roster' && kind !== 'past') {
        const roster = await readFileOrFail(command.roster, env);
        const { readRoster } = await import('../io/roster');
        const read = await readRoster({ name: env.baseName(command.roster), bytes: roster });
        if (!read.ok) throw inputFailure(read.errors);
        bytes = await writeRosterTemplate(kind, read.value, rubric, communityRubric);
      } else bytes = await writeTemplate(kind, rubric, communityRubric);
      await write(env, out, bytes);
      env.stdout(`已生成模板：${out}`);
      return EXIT_OK;
    }
    case 'rules': {
      const { RULES_TITLE, writeRulesWorkbook } = await import('../io/rules');
      const out = command.out ?? `${RULES_TITLE}.xlsx`;
      const { policy, rubric, communityRubric } = await loadRules(command.policy, env);
      await write(env, out, await writeRulesWorkbook(policy, rubric, communityRubric));
      env.stdout(`已写出：${out}`);
      return EXIT_OK;
    }
    case 'check': {
      const { input, policy } = await readInputs(command, env);
      env.stdout(
        `检查通过：名册 ${input.secretaries.length} 人，逐项评分 ${input.itemScores.length} 人，汇总得分 ${input.summaryScores.length} 人，计票 ${input.tallies.length} 份，直接定等事项 ${input.events.length} 项。`,
      );
      // plausibility warnings (docs/method.md §15): not errors, the exit status stays 0
      const result = computeAssessment(input);
      const warnings = plausibilityWarnings(result, policy);
      for (const line of warningLines(warnings, result)) env.stderr(line);
      if (warnings.length) env.stdout(`合理性提示 ${warnings.length} 条（见“提示：”各行），定稿前须逐条核对确认。`);
      return EXIT_OK;
    }
    case 'compute': {
      requirePdf(command.pdf, env);
      const { input, policy } = await readInputs(command, env);
      const result = computeAssessment(input);
      const warnings = plausibilityWarnings(result, policy);
      await writeOutputs(env, result, { kind: 'ranking', input, policy }, command, warnings);
      for (const line of warningLines(warnings, result)) env.stderr(line);
      for (const line of summarize(result, policy, warnings)) env.stdout(line);
      return EXIT_OK;
    }
    case 'print': {
      requirePdf(command.out, env);
      const { input, policy } = await readInputs(command, env);
      const result = computeAssessment(input);
      const { kind, year, region, date, notice } = command;
      const request: PrintRequest = {
        kind,
        input,
        policy,
        ...(year ? { year } : {}),
        ...(region ? { region } : {}),
        ...(date ? { date } : {}),
        ...(notice ? { notice } : {}),
      };
      const category = command.category === undefined ? undefined : categoryNamed(result, command.category);
      if (category) request.category = category;
      if (command.town !== undefined) request.town = townNamed(result, command.town);
      await printTo(env, result, command.out, request);
      env.stdout(`已写出：${command.out}`);
      return EXIT_OK;
    }
    case 'demo': {
      requirePdf(command.pdf, env);
      const files = Object.fromEntries((['roster', 'summary', 'scores', 'ballots', 'events'] as const).map((k) => [k, env.join(env.sampleDir, `${k}.xlsx`)]));
      const { input, policy } = await readInputs({ files, policy: command.policy }, env);
      const result = computeAssessment(input);
      const warnings = plausibilityWarnings(result, policy);
      const dir = command.outDir ?? 'demo-output';
      await env.makeDir(dir);
      const options: InputOptions = { files, policy: command.policy, out: env.join(dir, '考核结果.xlsx'), json: env.join(dir, '考核结果.json') };
      if (command.pdf) options.pdf = command.pdf;
      await writeOutputs(env, result, { kind: 'ranking', input, policy }, options, warnings);
      env.stdout('示例县（胶州市，虚构数据）');
      for (const line of summarize(result, policy, warnings)) env.stdout(line);
      return EXIT_OK;
    }
    case 'export': {
      const bytes = await env.readFile(command.roster);
      if (!bytes) throw new Failure(EXIT_INPUT, [`找不到文件“${command.roster}”`]);
      const [{ readRoster }, { writeTaizhangWorkbook, writeTongjiWorkbook }] = await Promise.all([import('../io/roster'), import('../io/taizhang')]);
      const roster = await readRoster({ name: env.baseName(command.roster), bytes });
      if (!roster.ok) throw inputFailure(roster.errors);
      const meta = { ...(command.year ? { year: command.year } : {}), ...(command.region ? { region: command.region } : {}) };
      const write_ = command.kind === 'taizhang' ? writeTaizhangWorkbook : writeTongjiWorkbook;
      await write(env, command.out, await write_(roster.value, meta));
      env.stdout(`已写出：${command.out}（${roster.value.length} 人）`);
      return EXIT_OK;
    }
    case 'verify':
      return verify(command.file, command.keyFile, env);
    case 'term':
      return term(command, env);
    case 'printTerm':
      return printTerm(command, env);
  }
}

/** The key of a category given by its label (镇街·脱产·正股级) or key; exit 1 naming the categories when there is none. */
function categoryNamed(result: AssessmentResult, given: string): string {
  const found = result.categories.find((c) => c.label === given || c.key === given);
  if (found) return found.key;
  throw new Failure(EXIT_INPUT, [`没有类别“${given}”，可选：${result.categories.map((c) => c.label).join('、')}`]);
}

/** A town some secretary is in; exit 1 naming the towns when none is. */
function townNamed(result: AssessmentResult, given: string): string {
  const towns = [...new Set(result.categories.flatMap((c) => c.rows.map((r) => r.secretary.town ?? '')))].filter(Boolean);
  if (towns.includes(given)) return given;
  throw new Failure(EXIT_INPUT, [`名册中没有所在镇街为“${given}”的第一书记，可选：${towns.sort((a, b) => a.localeCompare(b, 'zh-CN')).join('、')}`]);
}

function requirePdf(pdf: string | undefined, env: CliEnv): void {
  if (pdf !== undefined && !env.printPdf) {
    throw new Failure(EXIT_USAGE, ['错误：此版本的命令行不能输出 PDF（--pdf），请在双评工作站中打印，或去掉 --pdf 选项。']);
  }
}

async function write(env: CliEnv, path: string, bytes: Uint8Array | Iterable<Uint8Array>): Promise<void> {
  try {
    if (ArrayBuffer.isView(bytes)) await env.writeFile(path, bytes);
    else if (env.writeParts) await env.writeParts(path, bytes);
    else await env.writeFile(path, concatBytes([...bytes]));
  } catch {
    throw new Failure(EXIT_INPUT, [`无法写入文件“${path}”：请检查文件夹是否存在、文件是否正被 Excel/WPS 打开`]);
  }
}

async function readFileOrFail(path: string, env: CliEnv): Promise<Uint8Array> {
  const bytes = await env.readFile(path);
  if (!bytes) throw new Failure(EXIT_INPUT, [`找不到文件“${path}”`]);
  return bytes;
}

interface Rules {
  policy: Policy;
  rubric: Rubric;
  /** when the policy scores 社区 by their own rubric (communityRubric “own”): the workbook's 社区考评细则, or 第八条's */
  communityRubric?: Rubric;
}

/** The rules with the 社区 rubric the policy asks for (docs/method.md §2.6). */
function withCommunity(policy: Policy, rubric: Rubric, community?: Rubric): Rules {
  return policy.communityRubric === 'own' ? { policy, rubric, communityRubric: community ?? COMMUNITY_RUBRIC } : { policy, rubric };
}

/**
 * The policy and rubric of --policy: a preset, a policy JSON file (the default rubric), or
 * a rules workbook (its sheets; a sheet left out keeps the jiaozhou preset or the default rubric).
 */
async function loadRules(name: string, env: CliEnv): Promise<Rules> {
  if (isPresetName(name)) return withCommunity(presetPolicy(name), JIAOZHOU_RUBRIC);
  const bytes = await env.readFile(name);
  if (!bytes) throw new Failure(EXIT_INPUT, [`找不到考核规则文件“${name}”（预设可选 jiaozhou、daan、touyan）`]);
  if (/\.xlsx$/i.test(name)) {
    const { readRulesWorkbook } = await import('../io/rules');
    const read = await readRulesWorkbook({ name: env.baseName(name), bytes });
    if (!read.ok) throw inputFailure(read.errors);
    return withCommunity(read.value.policy ?? presetPolicy('jiaozhou'), read.value.rubric ?? JIAOZHOU_RUBRIC, read.value.communityRubric);
  }
  const checked = parsePolicyJson(new TextDecoder().decode(bytes), env.baseName(name));
  if (!checked.ok) throw inputFailure(checked.errors);
  return withCommunity(checked.value, JIAOZHOU_RUBRIC);
}

/** The rows of the term's years, as `term` and `print term` read them (every error at once). */
async function readTermRows(files: readonly { path: string; year?: number }[], env: CliEnv): Promise<PastRow[]> {
  const { readPastJson, readPastWorkbook } = await import('../io/past');
  const rows: PastRow[] = [];
  const errors: InputError[] = [];
  for (const { path, year } of files) {
    const bytes = await env.readFile(path);
    if (!bytes) {
      errors.push({ message: `找不到文件“${path}”` });
      continue;
    }
    const name = env.baseName(path);
    const read = name.toLowerCase().endsWith('.json')
      ? year
        ? readPastJson(new TextDecoder().decode(bytes), year, name)
        : { ok: false as const, errors: [{ sheet: name, message: '结果 JSON 不含年度，请写成 2023=结果.json' }] }
      : await readPastWorkbook({ name, bytes }, year);
    if (read.ok) rows.push(...read.value);
    else errors.push(...read.errors);
  }
  if (errors.length) throw inputFailure(errors);
  return rows;
}

/** 期满考核表 (docs/formats.md §8, §11): one form per person from the results of the term's years. */
async function printTerm(command: Extract<Command, { command: 'printTerm' }>, env: CliEnv): Promise<number> {
  requirePdf(command.out, env);
  const { policy } = await loadRules(command.policy, env);
  const rows = await readTermRows(command.files, env);
  const terms = termSheetsOfReviews(reviewTerms(rows, policy), rows, policy, command.year);
  const year = command.year ?? Math.max(...rows.map((r) => r.year));
  const request: PrintRequest = {
    kind: 'term',
    policy,
    terms,
    year,
    ...(command.region ? { region: command.region } : {}),
    ...(command.date ? { date: command.date } : {}),
  };
  // the forms need no year's ranking: an empty result carries the policy's name
  await printTo(env, { policy: policy.preset, policyName: policy.name, categories: [] }, command.out, request);
  env.stdout(`已写出：${command.out}（${terms.length} 人）`);
  return EXIT_OK;
}

/** 期满考核 from the results of the term's years (docs/formats.md §8). */
async function term(command: Extract<Command, { command: 'term' }>, env: CliEnv): Promise<number> {
  const { policy } = await loadRules(command.policy, env);
  const rows = await readTermRows(command.files, env);
  const reviews = reviewTerms(rows, policy);
  const labels = aftermathOf(policy).term.labels;
  const basisWords = { idNumber: '按身份证号对应', nameUnit: '按姓名和派出单位对应，请核实', single: '' } as const;
  for (const r of reviews) {
    const years = r.years.map((y) => `${y.year} ${y.id}`).join('、');
    env.stdout(
      `${r.name}（${r.unit ?? '未填派出单位'}；${years}${basisWords[r.basis] ? `；${basisWords[r.basis]}` : ''}）：期满考核${labels[r.outcome.grade]}`,
    );
    for (const reason of r.outcome.reasons) env.stdout(`  ${reason}`);
  }
  const counts = TERM_GRADES.map((g) => [g, reviews.filter((r) => r.outcome.grade === g).length] as const).filter(([, n]) => n);
  env.stdout(`共 ${reviews.length} 人：${counts.map(([g, n]) => `${labels[g]} ${n} 人`).join('，')}`);
  if (command.json) {
    const json = reviews.map((r) => ({
      name: r.name,
      unit: r.unit ?? null,
      years: r.years,
      basis: r.basis,
      start: r.start ?? null,
      end: r.end ?? null,
      grade: r.outcome.grade,
      reasons: r.outcome.reasons,
    }));
    await write(env, command.json, new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`));
    env.stdout(`已写出：${command.json}`);
  }
  return EXIT_OK;
}

async function readInputs(options: Pick<InputOptions, 'files' | 'policy'>, env: CliEnv) {
  const errors: InputError[] = [];
  let policy: Policy | null = null;
  let rubric: Rubric = JIAOZHOU_RUBRIC;
  let communityRubric: Rubric | undefined;
  try {
    ({ policy, rubric, communityRubric } = await loadRules(options.policy, env));
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    errors.push(...e.lines.map((message) => ({ message })));
  }
  const files: Partial<AssessmentFiles> = {};
  for (const key of FILE_OPTIONS) {
    const path = options.files[key];
    if (path === undefined) continue;
    const bytes = await env.readFile(path);
    if (!bytes) errors.push({ message: `找不到文件“${path}”` });
    else files[key] = { name: env.baseName(path), bytes };
  }
  if (errors.length || !policy || !files.roster) throw inputFailure(errors);
  const { zlib } = env;
  const open = zlib ? { open: (source: WorkbookSource) => openWorkbook(source, zlib) } : {};
  const checked = await readAssessmentInputs({ ...files, roster: files.roster }, policy, rubric, communityRubric, open);
  if (!checked.ok) throw inputFailure(checked.errors, checked.warnings);
  // warnings do not stop the command: they go to stderr, and the exit status stays 0
  for (const warning of checked.warnings) env.stderr(note(warning));
  return { input: checked.value, policy };
}

async function printTo(env: CliEnv, result: AssessmentResult, file: string, request: PrintRequest): Promise<void> {
  const failed = await env.printPdf?.(result, file, request);
  if (typeof failed === 'string') throw new Failure(EXIT_INPUT, [`错误：${failed}`]);
}

async function writeOutputs(
  env: CliEnv,
  result: AssessmentResult,
  request: PrintRequest,
  options: Pick<InputOptions, 'out' | 'json' | 'pdf'>,
  warnings: readonly PlausibilityWarning[] = [],
) {
  // build everything first: a failure must not leave half the outputs written
  const xlsx = options.out ? await (env.writeResults ?? (await import('../io/results')).writeResultsWorkbook)(result, request.policy) : null;
  // the JSON's bytes are made as they are written: from the built value, nothing left to fail but the writing
  const json = options.json ? jsonParts(resultToJson(result, warnings)) : null;
  // the PDF first: it is the output that can fail for want of a browser
  if (options.pdf) await printTo(env, result, options.pdf, request);
  if (options.out && xlsx) await write(env, options.out, xlsx);
  if (options.json && json) await write(env, options.json, json);
  for (const path of [options.out, options.json, options.pdf]) if (path) env.stdout(`已写出：${path}`);
}
