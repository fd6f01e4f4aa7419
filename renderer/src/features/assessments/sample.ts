/**
 * The sample county (示例县): sample workbooks shipped with the app as asset URLs
 * (Vite `?url`), imported through the same path as a person's files.
 * File names say what each workbook is (roster, summary, scores, ballots, events, or
 * the Chinese 名册, 汇总, 细则, 计票, 事项).
 */
import { createAssessment } from '../../db/assessments';
import type { ImportOutcome } from '../../db/imports';
import type { ShuangpingDb } from '../../db/schema';
import { importWorkbook, type WorkbookKind } from '../imports';

const urls = import.meta.glob('../../../../samples/sample-county/*.xlsx', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** Which kind a sample file is, by its name. */
export function sampleKind(fileName: string): WorkbookKind | null {
  const n = fileName.toLowerCase();
  if (/名册|roster/.test(n)) return 'roster';
  if (/计票|测评|ballot/.test(n)) return 'ballots';
  if (/事项|event/.test(n)) return 'events';
  if (/细则|scores/.test(n)) return 'scores';
  if (/汇总|得分|summary/.test(n)) return 'summary';
  return null;
}

export interface SampleFile {
  kind: WorkbookKind;
  name: string;
  url: string;
}

const ORDER: WorkbookKind[] = ['roster', 'summary', 'scores', 'ballots', 'events'];

export function sampleFiles(source: Record<string, string> = urls): SampleFile[] {
  return Object.entries(source)
    .map(([path, url]) => {
      const name = path.split('/').pop() ?? path;
      const kind = sampleKind(name);
      return kind ? { kind, name, url } : null;
    })
    .filter((f): f is SampleFile => f !== null)
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

export const hasSample = (): boolean => sampleFiles().some((f) => f.kind === 'roster');

/** Creates the sample assessment and imports every sample workbook; stops at the first failure. */
export async function loadSampleCounty(db: ShuangpingDb, operator: string): Promise<{ assessmentId: string; outcome: ImportOutcome }> {
  const year = new Date().getFullYear() - 1;
  const assessmentId = await createAssessment(
    db,
    { year, name: '第一书记“三定一诺双评”考核（示例数据）', region: '胶州市（示例）', policy: 'jiaozhou' },
    operator,
  );
  let total = 0;
  for (const sample of sampleFiles()) {
    const response = await fetch(sample.url);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const outcome = await importWorkbook({ kind: sample.kind, assessmentId, file: { name: sample.name, bytes }, operator, db });
    if (!outcome.ok) return { assessmentId, outcome };
    total += outcome.count;
  }
  return { assessmentId, outcome: { ok: true, count: total, total, words: '' } };
}
