/**
 * What the review meeting's decisions do to a category's quotas (docs/method.md §5.4–§5.6).
 * The meeting may decide any grade. When its decisions put a band over its quota
 * (4 优秀 against 3), or leave empty a place the method filled or a tie group held
 * (the meeting put a member elsewhere), the category says so in one sentence, which
 * the decision dialog, the results, the 定稿 dialog, the prints and the workbook show.
 * A freed place is not passed to anyone: nobody moves up by a decision.
 */
import type { BandKey, CategoryResult, Grade, Policy, QuotaNote, ResultRow } from '../model';

type Category = Pick<CategoryResult, 'quotas' | 'rows' | 'ties'>;

/** A decision not saved yet: a grade for one secretary, or null for none (撤销). */
export interface CandidateDecision {
  id: string;
  grade: Grade | null;
}

/** `优秀 4 人，超出名额（3 人）1 人` / `良好 2 人，名额（3 人）空出 1 个，不由他人递补` */
function noteText(label: string, note: Omit<QuotaNote, 'text' | 'decided'>): string {
  const held = note.held ? `（另有并列待定暂占 ${note.held} 个）` : '';
  return note.over > 0
    ? `${label} ${note.count} 人${held}，超出名额（${note.quota} 人）${note.over} 人`
    : `${label} ${note.count} 人${held}，名额（${note.quota} 人）空出 ${note.freed} 个，不由他人递补`;
}

/**
 * Per band, the category after its decisions (and `candidate`, when given, in place of
 * that secretary's decision): over its quota, or with places freed by decisions. Bands
 * the decisions keep within their quota, and bands no decision touched, have no note.
 */
export function quotaNotes(category: Category, policy: Pick<Policy, 'bands' | 'labels'>, candidate?: CandidateDecision): QuotaNote[] {
  // only decisions move anyone into or out of a band
  if (!candidate && !category.rows.some(isDecided)) return [];
  const decided = (row: ResultRow): Grade | null => (candidate && candidate.id === row.id ? candidate.grade : (row.decision?.grade ?? null));
  const final = (row: ResultRow): Grade => decided(row) ?? row.computedGrade;
  const outstanding = outstandingPlaces(category, policy, decided);
  const tieOf = new Map(category.ties.flatMap((tie) => tie.ids.map((id) => [id, tie] as const)));
  const displaced = displacedMembers(category, final);
  /** a tie member decided into a band its group held a place of, within those places, took its own place */
  const tookHeldPlace = (row: ResultRow, band: Grade) =>
    ((tieOf.get(row.id)?.places as Partial<Record<Grade, number>> | undefined)?.[band] ?? 0) > 0 && !displaced.has(row.id);

  const notes: QuotaNote[] = [];
  for (const { key: band } of policy.bands) {
    const quota = category.quotas[band] ?? 0;
    const computed = category.rows.filter((row) => row.computedGrade === band).length;
    const held = category.ties.reduce((n, tie) => n + (tie.places[band] ?? 0), 0);
    const stillHeld = outstanding[band] ?? 0;
    const count = category.rows.filter((row) => final(row) === band).length;
    const over = Math.max(0, count + stillHeld - quota);
    const freed = Math.max(0, Math.min(quota, computed + held) - count - stillHeld);

    const movedIn = category.rows.filter((row) => decided(row) === band && row.computedGrade !== band && !tookHeldPlace(row, band));
    const movedOut = category.rows.filter((row) => {
      const grade = decided(row);
      if (grade === null || grade === band) return false;
      return row.computedGrade === band || ((tieOf.get(row.id)?.places[band] ?? 0) > 0 && displaced.has(row.id));
    });
    const by = over > 0 ? movedIn : freed > 0 ? movedOut : [];
    if (!by.length) continue;
    const note = { band, quota, count, held: stillHeld, over, freed };
    notes.push({ ...note, decided: by.map((row) => row.id), text: noteText(policy.labels[band], note) });
  }
  return notes;
}

const isDecided = (row: ResultRow): boolean => row.decision !== null;

/**
 * Places tie groups still hold for their undecided members, per band: of the places
 * each group held, those its decided members did not take, filled in band order by as
 * many as are undecided.
 */
function outstandingPlaces(category: Category, policy: Pick<Policy, 'bands'>, decided: (row: ResultRow) => Grade | null): Partial<Record<BandKey, number>> {
  const rowOf = new Map(category.rows.map((row) => [row.id, row] as const));
  const out: Partial<Record<BandKey, number>> = {};
  for (const tie of category.ties) {
    const grades = tie.ids.map((id) => {
      const row = rowOf.get(id);
      return row ? decided(row) : null;
    });
    let undecided = grades.filter((g) => g === null).length;
    for (const { key } of policy.bands) {
      const left = Math.max(0, (tie.places[key] ?? 0) - grades.filter((g) => g === key).length);
      const take = Math.min(left, undecided);
      if (take) out[key] = (out[key] ?? 0) + take;
      undecided -= take;
    }
  }
  return out;
}

/**
 * Members of decided tie groups who did not end in a place their group held: more of
 * them ended in a grade than the group held places of it (every one of those is named,
 * as nobody can tell which of them took whose place).
 */
function displacedMembers(category: Category, final: (row: ResultRow) => Grade): Set<string> {
  const rowOf = new Map(category.rows.map((row) => [row.id, row] as const));
  const out = new Set<string>();
  for (const tie of category.ties) {
    const byGrade = new Map<Grade, string[]>();
    for (const id of tie.ids) {
      const row = rowOf.get(id);
      if (!row) continue;
      const grade = final(row);
      byGrade.set(grade, [...(byGrade.get(grade) ?? []), id]);
    }
    for (const [grade, ids] of byGrade) {
      const places = (tie.places as Partial<Record<Grade, number>>)[grade] ?? 0;
      if (ids.length > places) ids.forEach((id) => out.add(id));
    }
  }
  return out;
}

/** The notes as one sentence after `lead` (审定后本类别…, 保存后本类别…), or null when there are none. */
export function quotaSentence(notes: readonly QuotaNote[], lead: string): string | null {
  return notes.length ? `${lead}${notes.map((n) => n.text).join('；')}` : null;
}
