/**
 * How far an assessment has got, and what still keeps the results from being final:
 * each blocker names the secretaries and the screen where it is fixed.
 */
import type { AssessmentResult } from '../../../../shared/model';
import type { EvidenceRecord, SecretaryRecord, TallyEntryRecord, TallyRecord } from '../../db/schema';
import type { Screen } from '../../data/routes';
import { countsOf, isConfirmed, tallyStatus } from '../ballots';
import { checkTally, draftFromCounts } from '../ballots';
import { evidenceState } from '../evidence';
import type { ScoringStatus } from '../scoring';
import { PAPER_LABELS } from '../../../../shared/model';
import type { FieldStatus } from '../field';

export interface ProgressInput {
  secretaries: SecretaryRecord[];
  /** how far each secretary's org-work scoring has got (none when absent) */
  scoring: ReadonlyMap<string, ScoringStatus>;
  tallies: TallyRecord[];
  entries: TallyEntryRecord[];
  evidence: EvidenceRecord[];
  minTurnout: string;
  result: AssessmentResult | null;
  /** the field work's gaps (features/field); absent: none */
  field?: FieldStatus;
}

export interface Progress {
  total: number;
  /** scored by a summary, or item scoring finished */
  scored: number;
  tallied: number;
  /** tallies confirmed by two operators (double entry, or an import checked by a second person) */
  confirmed: number;
  /** imported tallies still waiting for their second person */
  unconfirmed: number;
  evidenceComplete: number;
  blockers: Blocker[];
  /** the field work's gaps, when given */
  field?: FieldStatus;
}

export interface Blocker {
  key: string;
  /** Chinese, what is wrong */
  title: string;
  screen: Screen;
  /** blocks the results, or only worth a look */
  severity: 'blocks' | 'notice';
  secretaries: { id: string; name: string }[];
}

export function computeProgress(p: ProgressInput): Progress {
  const byId = <T extends { id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.id, [...(m.get(r.id) ?? []), r]);
    return m;
  };
  const tallies = new Map(p.tallies.map((t) => [t.id, t]));
  const entries = byId(p.entries);
  const evidence = byId(p.evidence);
  const who = (s: SecretaryRecord) => ({ id: s.id, name: s.name });
  const list = (pred: (s: SecretaryRecord) => boolean) => p.secretaries.filter(pred).map(who);

  const status = (s: SecretaryRecord) => tallyStatus(tallies.get(s.id), entries.get(s.id) ?? []);
  const scoring = (s: SecretaryRecord) => p.scoring.get(s.id) ?? 'none';
  const rows = p.result?.categories.flatMap((c) => c.rows) ?? [];
  const flagged = (flag: 'turnoutLow' | 'tieAtBoundary') =>
    new Set(rows.filter((r) => r.flags.includes(flag) && (flag !== 'tieAtBoundary' || !r.decision)).map((r) => r.id));
  const turnoutLow = flagged('turnoutLow');
  const ties = flagged('tieAtBoundary');
  const overCast = (s: SecretaryRecord) => {
    const t = tallies.get(s.id);
    return !!t && checkTally(draftFromCounts(countsOf(t)), s.eligibleVoters, p.minTurnout).errors.length > 0;
  };

  const blockers: Blocker[] = [
    { key: 'noScore', title: '未录入组织工作目标考评得分', screen: 'scoring', severity: 'blocks', secretaries: list((s) => scoring(s) === 'none') },
    { key: 'scoring', title: '考评细则评分尚未完成（评分中）', screen: 'scoring', severity: 'blocks', secretaries: list((s) => scoring(s) === 'inProgress') },
    { key: 'noTally', title: '未录入满意度测评票数', screen: 'ballots', severity: 'blocks', secretaries: list((s) => status(s) === 'none') },
    { key: 'secondEntry', title: '测评票数待第二次背靠背录入', screen: 'ballots', severity: 'blocks', secretaries: list((s) => status(s) === 'firstEntered') },
    {
      key: 'differs',
      title: '测评票数两次录入不一致，待逐项核对',
      screen: 'ballots',
      severity: 'blocks',
      secretaries: list((s) => status(s) === 'differs' || status(s) === 'importDiffers'),
    },
    {
      key: 'unconfirmed',
      title: '测评计票为导入数据，未经第二人复核',
      screen: 'ballots',
      severity: 'blocks',
      secretaries: list((s) => status(s) === 'imported'),
    },
    {
      key: 'overCast',
      title: '投票数或发出票数超过应参加人数（或投票数超过发出票数），须重新投票',
      screen: 'ballots',
      severity: 'blocks',
      secretaries: list(overCast),
    },
    {
      key: 'turnoutLow',
      title: '投票人数不足应参加人数的2/3，等次待定，须重新投票',
      screen: 'ballots',
      severity: 'blocks',
      secretaries: list((s) => turnoutLow.has(s.id)),
    },
    { key: 'tie', title: '等次分界处并列，待部长办公会确定', screen: 'results', severity: 'blocks', secretaries: list((s) => ties.has(s.id)) },
    {
      key: 'evidence',
      title: '佐证材料有缺失或存疑',
      screen: 'scoring',
      severity: 'notice',
      secretaries: list((s) => evidenceState(evidence.get(s.id) ?? []) === 'incomplete'),
    },
    {
      key: 'evidencePending',
      title: '佐证材料已登记，待核实',
      screen: 'scoring',
      severity: 'notice',
      secretaries: list((s) => evidenceState(evidence.get(s.id) ?? []) === 'pending'),
    },
    ...fieldBlockers(p.field),
  ];

  return {
    total: p.secretaries.length,
    scored: p.secretaries.filter((s) => scoring(s) === 'summary' || scoring(s) === 'completed').length,
    tallied: p.secretaries.filter((s) => tallies.has(s.id)).length,
    confirmed: p.secretaries.filter((s) => {
      const t = tallies.get(s.id);
      return t !== undefined && isConfirmed(t);
    }).length,
    unconfirmed: p.secretaries.filter((s) => {
      const t = tallies.get(s.id);
      return t !== undefined && !isConfirmed(t);
    }).length,
    evidenceComplete: p.secretaries.filter((s) => evidenceState(evidence.get(s.id) ?? []) === 'complete').length,
    blockers: blockers.filter((b) => b.secretaries.length > 0),
    ...(p.field ? { field: p.field } : {}),
  };
}

/** Papers missing block 定稿; groups not signed off and boxes still out are worth a look. */
function fieldBlockers(field: FieldStatus | undefined): Blocker[] {
  if (!field) return [];
  const kinds = [...new Set(field.missing.flatMap((m) => m.kinds))].map((k) => PAPER_LABELS[k]);
  const unsigned = field.groups.flatMap((g) => (g.state === 'open' ? g.members : g.state === 'reopened' ? g.changed : []));
  const names = new Map([...field.missing, ...field.boxesOut].map((s) => [s.id, s.name]));
  return [
    {
      key: 'papers',
      title: `履职材料未交齐（${kinds.join('、')}），须补交或说明理由免交`,
      screen: 'field',
      severity: 'blocks',
      secretaries: field.missing.map((m) => ({ id: m.id, name: m.name })),
    },
    {
      key: 'groups',
      title: `考核组尚未签字或签字后有修改（${field.groups
        .filter((g) => g.state === 'open' || g.state === 'reopened')
        .map((g) => g.group.name)
        .join('、')}）`,
      screen: 'field',
      severity: 'notice',
      secretaries: unsigned.map((id) => ({ id, name: field.names?.get(id) ?? names.get(id) ?? id })),
    },
    {
      key: 'boxesOut',
      title: '票箱已发出，尚未收回',
      screen: 'ballots',
      severity: 'notice',
      secretaries: field.boxesOut.map((b) => ({ id: b.id, name: b.name })),
    },
  ];
}
