/**
 * Matching many files to secretaries by the 编号 in the file name:
 * "JZ001_会议记录.jpg" → JZ001. The 编号 must stand on its own in the name (bounded
 * by the start, the end or a character that is not a letter or digit), so JZ001
 * does not match "JZ0015.jpg". The longest 编号 wins; an item code (A3.2) in the name
 * is picked up too.
 */
import { kindFromFileName, type EvidenceKind } from './kinds';

export interface FileMatch<F> {
  file: F;
  id: string;
  itemCode: string;
  kind: EvidenceKind | null;
}

export interface MatchOutcome<F> {
  matched: FileMatch<F>[];
  unmatched: F[];
}

const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

/** A neighbour glues when it is a letter or digit, or a decimal point before/after a digit (A3.2). */
function glued(neighbour: string | undefined, beyond: string | undefined): boolean {
  if (neighbour === undefined) return false;
  if (LATIN_OR_DIGIT.test(neighbour)) return true;
  return neighbour === '.' && beyond !== undefined && /\d/.test(beyond);
}

/** The file name without its extension. */
export function baseName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** True when `token` occurs in `text` not glued to other letters or digits. */
export function containsToken(text: string, token: string): boolean {
  const hay = text.toLowerCase();
  const needle = token.toLowerCase();
  if (!needle) return false;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (!glued(hay[at - 1], hay[at - 2]) && !glued(hay[end], hay[end + 1])) return true;
  }
  return false;
}

export function matchSecretaryId(fileName: string, ids: readonly string[]): string | null {
  const name = baseName(fileName);
  let best: string | null = null;
  for (const id of ids) {
    if (containsToken(name, id) && (best === null || id.length > best.length)) best = id;
  }
  return best;
}

export function matchFiles<F extends { name: string }>(files: readonly F[], ids: readonly string[], itemCodes: readonly string[] = []): MatchOutcome<F> {
  const matched: FileMatch<F>[] = [];
  const unmatched: F[] = [];
  for (const file of files) {
    const id = matchSecretaryId(file.name, ids);
    if (id === null) {
      unmatched.push(file);
      continue;
    }
    const rest = baseName(file.name).replace(id, ' ');
    const itemCode = [...itemCodes].sort((a, b) => b.length - a.length).find((c) => containsToken(rest, c)) ?? '';
    matched.push({ file, id, itemCode, kind: kindFromFileName(file.name) });
  }
  return { matched, unmatched };
}
