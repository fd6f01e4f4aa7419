/**
 * The method's results on the benchmark's province, kept byte for byte: every change
 * that is meant to make the method faster must leave them the same.
 *
 *   tsx bench/exact-results.ts write [province dir]   # the results as they are now → bench-data/exact/
 *   tsx bench/exact-results.ts check [province dir]   # the same again, compared byte for byte (exit 1 on a difference)
 *
 * The full AssessmentResult (every row, reason, item and rational, not only the JSON of
 * docs/formats.md §9) under the three presets and policies that change each setting the
 * method reads, with a few decisions, holds and carried consequences added.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAssessmentInputs, type AssessmentFiles } from '../shared/io/assessment';
import { computeAssessment } from '../shared/method';
import type { AssessmentInput } from '../shared/method/input';
import type { Policy } from '../shared/model';
import { presetPolicy } from '../shared/policy/presets';
import { JIAOZHOU_RUBRIC } from '../shared/rubric/jiaozhou';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [mode = 'check', dir = join(repo, 'bench-data', 'province')] = process.argv.slice(2);
const out = join(repo, 'bench-data', 'exact');

const jiaozhou = presetPolicy('jiaozhou');
const POLICIES: Record<string, Policy> = {
  jiaozhou,
  daan: presetPolicy('daan'),
  touyan: presetPolicy('touyan'),
  'jiaozhou-rounded-tiebreaks': { ...jiaozhou, rankOn: 'rounded2', tieBreak: ['fewerDeductions', 'moreBonus', 'satisfaction', 'orgScore'] },
  'jiaozhou-include-forfeit': { ...jiaozhou, boundaryTie: 'includeAll', ineligibleSlot: 'forfeit', quotaBase: 'ranked', quotaRounding: 'ceil' },
  'jiaozhou-exclude-merge': {
    ...jiaozhou,
    boundaryTie: 'excludeAll',
    mergeSmallCategories: true,
    quotaRounding: 'round',
    satisfactionDenominator: 'valid',
    amountRounding: 'proportional',
    baseScoreScope: 'baseItemsOnly',
    recallBlocksExcellent: true,
    minPresence: '2/3',
  },
  'daan-tiebreaks': { ...presetPolicy('daan'), tieBreak: ['satisfaction'], rankOn: 'rounded2', categoryDimensions: ['mode'] },
  'touyan-postType': { ...presetPolicy('touyan'), categoryDimensions: ['postType', 'source'], quotaBase: 'ranked', boundaryTie: 'includeAll' },
  'jiaozhou-no-recall': { ...jiaozhou, recallAboveDissatisfaction: null, excellentMinBaseScore: '85', bands: [{ key: 'excellent', ratio: '1/3' }] },
};

/** A few decisions, holds and carried consequences on secretaries spread over the province. */
function withDecisions(input: AssessmentInput): AssessmentInput {
  const ids = input.secretaries.map((s) => s.id);
  const pick = (k: number) => ids[(k * 7919) % ids.length]!;
  return {
    ...input,
    decisions: [0, 1, 2, 3, 4, 5].map((k) => ({
      id: pick(k),
      grade: (['excellent', 'good', 'competent', 'basic', 'incompetent', 'excellent'] as const)[k]!,
      reason: `审定理由${k}`,
      by: '张三',
      at: '2026-12-01',
    })),
    holds: [6, 7, 8].map((k) => ({ id: pick(k), reason: k === 8 ? ('other' as const) : ('investigation' as const), note: `说明${k}`, by: '李四' })),
    carried: [9, 10, 11].map((k) => ({ id: pick(k), reason: `2025年度考核不称职：取消年度评优资格（${k}）` })),
  };
}

/** Exact numbers as "n/d" text: the same bytes whatever object carries them. */
const replacer = (_key: string, value: unknown) =>
  typeof value === 'bigint'
    ? `${value}n`
    : value && typeof value === 'object' && 'n' in value && 'd' in value && typeof value.n === 'bigint'
      ? `${value.n}/${value.d as bigint}`
      : value;

async function main(): Promise<void> {
  const sources: AssessmentFiles = { roster: { name: 'roster', bytes: await readFile(join(dir, 'roster.xlsx')) } };
  for (const key of ['summary', 'scores', 'ballots', 'events'] as const) sources[key] = { name: key, bytes: await readFile(join(dir, `${key}.xlsx`)) };
  await mkdir(out, { recursive: true });
  let differ = 0;
  for (const [name, policy] of Object.entries(POLICIES)) {
    const read = await readAssessmentInputs(sources, policy, JIAOZHOU_RUBRIC);
    if (!read.ok) throw new Error(`${name}: ${read.errors[0]?.message}`);
    for (const [variant, input] of [
      ['', read.value],
      ['-decided', withDecisions(read.value)],
    ] as const) {
      const text = JSON.stringify(computeAssessment(input), replacer);
      const file = join(out, `${name}${variant}.json`);
      const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
      if (mode === 'write') {
        await writeFile(file, text);
        process.stdout.write(`${name}${variant}: ${digest} (${text.length} bytes) written\n`);
      } else {
        const same = existsSync(file) && (await readFile(file, 'utf8')) === text;
        if (!same) differ++;
        process.stdout.write(`${name}${variant}: ${digest} ${same ? 'same' : 'DIFFERS'}\n`);
      }
    }
  }
  if (differ) {
    process.stdout.write(`${differ} results differ\n`);
    process.exit(1);
  }
}

await main();
