/**
 * 考核组 (docs/method.md §14.4): who assesses whom. By 001 第十九条 the city's group
 * assesses the 脱产 secretaries and each town's group its 非脱产 ones — the default
 * assignment, which a person may change. A group signs off its share: each secretary's
 * scores and tally as they stand (a digest); a later change of either opens the share again.
 */
import { canonicalJson, sha256Hex } from '../digest';
import { GROUP_LEVEL_LABELS, type AssessmentGroup, type GroupAssignment, type Secretary } from '../model';

/** The id of the default city group, and of a town's. */
export const CITY_GROUP_ID = 'city';
export const townGroupId = (town: string) => `town:${town}`;

/** The group 第十九条 names for a secretary: the city's for 脱产, the town's for 非脱产. */
export function defaultGroupOf(s: Pick<Secretary, 'mode' | 'town'>, groups: readonly AssessmentGroup[]): AssessmentGroup | undefined {
  if (s.mode === 'fulltime') return groups.find((g) => g.level === 'city');
  return groups.find((g) => g.level === 'town' && (g.town ?? '') === (s.town ?? ''));
}

/** The group a secretary's scoring belongs to: assigned, else the default. */
export function groupOf(
  s: Pick<Secretary, 'mode' | 'town'>,
  assignment: Pick<GroupAssignment, 'group'> | undefined,
  groups: readonly AssessmentGroup[],
): AssessmentGroup | undefined {
  const assigned = assignment && groups.find((g) => g.id === assignment.group);
  return assigned ?? defaultGroupOf(s, groups);
}

/** The groups 第十九条 calls for, for a roster: the city's, and one per town with a 非脱产 secretary. */
export function suggestedGroups(secretaries: readonly Pick<Secretary, 'mode' | 'town'>[]): AssessmentGroup[] {
  const towns = [...new Set(secretaries.filter((s) => s.mode === 'parttime').map((s) => s.town ?? ''))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return [
    { id: CITY_GROUP_ID, name: '市委组织部考核组', level: 'city', members: [] },
    ...towns.map((town): AssessmentGroup => ({ id: townGroupId(town), name: `${town || '未填镇街'}考核组`, level: 'town', town, members: [] })),
  ];
}

/** What is wrong with a list of groups, one sentence each (nothing: none). */
export function groupProblems(groups: readonly AssessmentGroup[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    if (!g.name.trim()) problems.push('考核组名称不能为空');
    else if (seen.has(g.name.trim())) problems.push(`考核组“${g.name}”重名`);
    seen.add(g.name.trim());
    if (g.level === 'town' && g.town === undefined) problems.push(`${g.name}：${GROUP_LEVEL_LABELS.town}须填所在镇街`);
  }
  if (new Set(groups.map((g) => g.id)).size !== groups.length) problems.push('考核组编号重复');
  return problems;
}

/** What a group signs for a secretary: the digest of their scores and tally (merge units' fingerprints). */
export function shareDigest(score: { fingerprint: string } | undefined, tally: { fingerprint: string } | undefined): string {
  return sha256Hex(canonicalJson({ score: score?.fingerprint ?? null, tally: tally?.fingerprint ?? null }));
}

/**
 * A group's sign-off: `empty` with no secretaries; `open` when none is signed; `signed`
 * when every secretary of the share is signed by this group as they stand; `reopened`
 * when some were signed but their scores or tally changed since, or others joined.
 */
export type GroupState = 'empty' | 'open' | 'signed' | 'reopened';

export const GROUP_STATE_LABELS: Record<GroupState, string> = {
  empty: '无分工',
  open: '未签字',
  signed: '已签字',
  reopened: '签字后有修改，须重新签字',
};

export interface GroupStatus {
  group: AssessmentGroup;
  /** the secretaries of its share, by 编号 */
  members: string[];
  state: GroupState;
  /** the latest sign-off of the share */
  signed: { by: string; at: string } | null;
  /** secretaries changed since the sign-off, or not signed while others are */
  changed: string[];
}

/** The sign-off state of a group's share, from each member's current digest. */
export function groupStatus(
  group: AssessmentGroup,
  members: readonly { id: string; digest: string }[],
  assignments: ReadonlyMap<string, GroupAssignment>,
): GroupStatus {
  const ids = members.map((m) => m.id);
  const signOffs = members.map((m) => {
    const s = assignments.get(m.id)?.signedOff;
    const ours = s && assignments.get(m.id)?.group === group.id ? s : undefined;
    return { id: m.id, signOff: ours, current: ours?.digest === m.digest };
  });
  const signed = signOffs.filter((s) => s.signOff).sort((a, b) => (a.signOff!.at < b.signOff!.at ? 1 : -1))[0]?.signOff;
  const changed = signOffs.filter((s) => !s.current).map((s) => s.id);
  const state: GroupState = members.length === 0 ? 'empty' : !signed ? 'open' : changed.length ? 'reopened' : 'signed';
  return { group, members: ids, state, signed: signed ? { by: signed.by, at: signed.at } : null, changed: state === 'reopened' ? changed : [] };
}
