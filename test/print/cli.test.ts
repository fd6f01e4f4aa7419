/**
 * `shuangping print <kind>` and `shuangping compute --pdf` on the sample county, run as
 * a person runs them (node bin/shuangping.mjs in a folder), the PDFs read back with poppler.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toFixed } from '../../shared/exact/rational';
import type { AssessmentResult } from '../../shared/model';
import { presetPolicy } from '../../shared/policy/presets';
import { sampleArgs, sampleCounty } from './fixtures';
import { insideMargins, isA4, pageNumber, savePdf, snapshot, squeeze, type SavedPdf } from './pdf-tools';

const bin = resolve(__dirname, '..', '..', 'bin', 'shuangping.mjs');
const labels = presetPolicy('jiaozhou').labels;

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
    });
  });
}

let cwd = '';
let expected: AssessmentResult;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'shuangping-print-'));
  expected = await sampleCounty();
});

/** Runs the command, then reads the PDF it wrote (copied to test-output/prints/cli-<name>.pdf). */
async function pdfOf(args: string[], file: string, name: string): Promise<SavedPdf> {
  const r = await run(args, cwd);
  // the sample county's plausibility warnings (docs/method.md §10) are 提示 lines, nothing else
  expect(r.stderr.split('\n').filter((line) => line && !line.startsWith('提示：编号'))).toEqual([]);
  expect(r.code).toBe(0);
  const pdf = savePdf(`cli-${name}`, new Uint8Array(await readFile(join(cwd, file))));
  snapshot(pdf, `cli-${name}`, 1);
  pdf.pages.forEach((page, i) => expect(page, `第${i + 1}页页码`).toMatch(pageNumber(i + 1)));
  return pdf;
}

describe('shuangping print and compute --pdf on the sample county', () => {
  const rows = () => expected.categories.flatMap((c) => c.rows);

  it('print ranking: landscape A4, a category a section, every name, total and grade, the meta given', async () => {
    const pdf = await pdfOf(
      ['print', 'ranking', ...sampleArgs(), '--year', '2024', '--region', '胶州市', '--date', '2025-01-06', '--out', '排名表.pdf'],
      '排名表.pdf',
      'ranking',
    );
    expect(isA4(pdf.info, true)).toBe(true);
    expect(insideMargins(pdf, 1, true)).toBe(true);
    expect(pdf.pages.filter((p) => p.includes('考核结果排名表'))).toHaveLength(expected.categories.length);
    const text = squeeze(pdf.text);
    for (const w of ['胶州市2024年度', '打印日期：2025年1月6日', '考核组成员：', '部长办公会审定意见：']) expect(text).toContain(w);
    const raw = squeeze(pdf.raw);
    for (const r of rows()) {
      expect(text).toContain(r.secretary.name);
      // 考核总分 then 等次, as the cells follow each other
      if (r.total) expect(raw).toContain(`${toFixed(r.total, 2)}${labels[r.computedGrade]}`);
    }
  });

  it('print notice: portrait A4, every name with the final grade, the 公示 period given', async () => {
    const pdf = await pdfOf(
      ['print', 'notice', ...sampleArgs(), '--date', '2025-01-10', '--notice-start', '2025-01-06', '--notice-days', '7天', '--out', '公示.pdf'],
      '公示.pdf',
      'notice',
    );
    expect(isA4(pdf.info, false)).toBe(true);
    expect(squeeze(pdf.text)).toContain('公示期为7天，自2025年1月6日至2025年1月12日');
    const raw = squeeze(pdf.raw);
    for (const { secretary: s, grade } of rows()) {
      const place = [s.town, s.village].filter(Boolean).join('') || '—';
      expect(raw).toContain(`${s.name}${s.unit ?? '—'}${place}${labels[grade]}`);
    }
  });

  it('print notice without a period: blanks to fill in by hand, never the day of printing', async () => {
    const pdf = await pdfOf(['print', 'notice', ...sampleArgs(), '--date', '2025-01-10', '--out', '公示-空.pdf'], '公示-空.pdf', 'notice-blank');
    const text = squeeze(pdf.text);
    expect(text).toContain('公示期为＿＿＿＿');
    expect(text).not.toContain('2025年1月10日至');
  });

  it.each(['ranking', 'summary', 'notice'] as const)('print %s --category and --town: only that category and town, said under the title', async (kind) => {
    const category = expected.categories.find((c) => c.rows.length > 2)!;
    const town = category.rows[0]!.secretary.town!;
    const file = `${kind}-narrow.pdf`;
    const pdf = await pdfOf(['print', kind, ...sampleArgs(), '--category', category.label, '--town', town, '--out', file], file, `${kind}-narrow`);
    const text = squeeze(pdf.text);
    expect(text).toContain(squeeze(`本表范围：类别：${category.label}；所在镇街：${town}`));
    const inside = category.rows.filter((r) => r.secretary.town === town);
    const outside = rows().filter((r) => !inside.includes(r));
    if (kind !== 'summary') for (const r of inside) expect(text).toContain(r.secretary.name);
    // a name of another category or town is not printed (names that are parts of others aside)
    for (const r of outside) if (!inside.some((i) => i.secretary.name.includes(r.secretary.name))) expect(text).not.toContain(r.secretary.name);
    const others = expected.categories.filter((c) => c.key !== category.key);
    for (const c of others) expect(text).not.toContain(squeeze(c.label));
  });

  it('print with a category or town that is not there: exit 1, the choices named', async () => {
    const r = await run(['print', 'ranking', ...sampleArgs(), '--town', '火星镇'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/名册中没有所在镇街为“火星镇”的第一书记，可选：/);
    const c = await run(['print', 'ranking', ...sampleArgs(), '--category', '不存在'], cwd);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/没有类别“不存在”，可选：/);
  });

  it('compute --pdf: the ranking table beside the workbook, the same pages as print ranking', async () => {
    const pdf = await pdfOf(['compute', ...sampleArgs(), '--out', '结果.xlsx', '--pdf', '结果.pdf'], '结果.pdf', 'compute');
    expect(isA4(pdf.info, true)).toBe(true);
    const printed = savePdf('cli-ranking', new Uint8Array(await readFile(join(cwd, '排名表.pdf'))));
    expect(pdf.info.pages).toBe(printed.info.pages);
    const text = squeeze(pdf.text);
    for (const r of rows()) expect(text).toContain(r.secretary.name);
    expect((await readFile(join(cwd, '结果.xlsx'))).byteLength).toBeGreaterThan(0);
  });
});
