/** Packages and units in words: the summary `shuangping verify` prints and the side-by-side rows of a conflict. */
import { canonicalJson, sha256Hex } from '../digest';
import {
  DIMENSION_LABELS,
  BALLOT_OPTION_LABELS,
  BALLOT_OPTIONS,
  DEFAULT_GRADE_LABELS,
  EVENT_KIND_LABELS,
  HOLD_REASON_LABELS,
  monthLabel,
  MODE_SHORT,
  PAPER_LABELS,
  quarterLabel,
  RECALL_GROUND_LABELS,
  REVIEW_DECISION_LABELS,
  VOTER_GROUP_LABELS,
  VOTER_GROUPS,
  POST_TYPE_LABELS,
  RANK_CLASS_SHORT,
  SOURCE_SHORT,
  WARNING_LABELS,
  type Grade,
  type WarningCode,
} from '../model';
import { TERM_EVALUATION_WORDS } from '../people/term';
import { EXPORT_ACTION } from './bind';
import { shortId } from './paths';
import { scopeLabel } from './scope';
import { keyIdLabel } from './team-key';
import { TABLE_LABELS, type Manifest, type OpenedPackage, type TallyRow } from './types';
import type { Unit } from './units';

/** `2025-01-06 10:20` in the time zone of the machine showing it. */
export function timeLabel(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const headLabel = (head: string) => (head ? `${head.slice(0, 16)}…` : '（空）');

/** The lines that say what a verified package holds. */
export function describeManifest(m: Manifest): string[] {
  const lines = [
    `${m.kind === 'backup' ? '备份' : '交换包'}：${scopeLabel(m.scope)}`,
    `来源：电脑 ${shortId(m.laptopId)}，操作员 ${m.operator || '未署名'}，生成于 ${timeLabel(m.createdAt)}`,
  ];
  for (const a of m.assessments) {
    const c = a.counts;
    lines.push(`考核：${a.year}年度 ${a.name}${a.region ? `（${a.region}）` : ''}，规则 ${a.policy}，编号 ${a.id}`);
    lines.push(
      `  ${TABLE_LABELS.secretaries} ${c.secretaries} 人，考评得分 ${c.summaryScores + c.itemScores} 人，${TABLE_LABELS.tallies} ${c.tallies} 份，` +
        `${TABLE_LABELS.events} ${c.events} 项，${TABLE_LABELS.decisions} ${c.decisions} 条，${TABLE_LABELS.evidence} ${c.evidence} 条，${TABLE_LABELS.attachments} ${c.attachments} 个` +
        fieldCounts(c) +
        (c.tombstones ? `，${TABLE_LABELS.tombstones} ${c.tombstones} 条` : ''),
    );
    lines.push(`  审计日志 ${a.audit.count} 条，末条哈希 ${headLabel(a.audit.head)}${a.received.length ? `；另附转来的审计日志 ${a.received.length} 份` : ''}`);
  }
  lines.push(`文件 ${m.entries.length + 1} 个，整包校验值 ${m.digest}`);
  return lines;
}

/** The field work's records a package holds, when it holds any (a package of format 2 has none). */
function fieldCounts(c: Partial<Manifest['assessments'][number]['counts']>): string {
  const parts = (
    [
      ['attendance', '条'],
      ['reviews', '条'],
      ['papers', '份'],
      ['assignments', '人'],
      ['boxes', '个'],
    ] as const
  ).flatMap(([table, unit]) => (c[table] ? [`${TABLE_LABELS[table]} ${c[table]} ${unit}`] : []));
  return parts.length ? `，${parts.join('，')}` : '';
}

/** How a verified package was protected and what binds its data, in words. */
export function describeProtection(opened: Pick<OpenedPackage, 'manifest' | 'security' | 'assessments'>): string[] {
  const { manifest: m, security } = opened;
  const key = m.signature ? keyIdLabel(m.signature.keyId) : '';
  const lines: string[] = [];
  if (security.signature === 'verified')
    lines.push(`${security.encrypted ? '已用工作组密钥加密并签名' : '已用工作组密钥签名'}（密钥标识 ${key}），签名核对无误`);
  else if (security.signature === 'unchecked') lines.push(`已用工作组密钥签名（密钥标识 ${key}），本机未设置工作组密钥，未核对签名`);
  else lines.push('未加密、未签名（导出的电脑未设置工作组密钥）');
  if (m.version < 2) lines.push(`旧版格式（格式版本 ${m.version}）：数据未与审计日志绑定，不带删除记录`);
  else if (m.kind === 'exchange') {
    for (const a of opened.assessments) {
      const last = a.audit.at(-1);
      if (last?.action === EXPORT_ACTION)
        lines.push(`数据与审计日志末条“导出交换包”记录相符（${last.operator || '未署名'}，${timeLabel(last.at)}，${last.target}）`);
    }
  }
  return lines;
}

export interface SideBySide {
  label: string;
  mine: string;
  theirs: string;
  differs: boolean;
}

type Fields = [label: string, value: string][];

const text = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));
const digest = (v: unknown) => (v === undefined ? '—' : sha256Hex(canonicalJson(v)).slice(0, 8));

/** A unit as label/value pairs a person compares. */
export function unitFields(unit: Unit | null | undefined): Fields {
  if (!unit) return [];
  const r = unit.rows;
  switch (unit.kind) {
    case 'settings': {
      const s = unit.settings;
      return [
        ['考核名称', text(s?.name)],
        ['年度', text(s?.year)],
        ['地区', text(s?.region)],
        ['考核规则', s ? `${s.policy.name}（${digest(s.policy)}）` : '—'],
        ['考评细则', s ? `${s.rubric.name ?? ''}（${digest(s.rubric)}）` : '—'],
        ['社区考评细则', s?.communityRubric ? digest(s.communityRubric) : '—'],
        ['考核组', s?.groups?.length ? s.groups.map((g) => `${g.name}（${g.members.join('、') || '未定成员'}）`).join('；') : '—'],
      ];
    }
    case 'roster': {
      const s = r.secretaries?.[0];
      if (!s) return [];
      return [
        ['姓名', s.name],
        ['派出单位', text(s.unit)],
        [DIMENSION_LABELS.source, SOURCE_SHORT[s.source] ?? s.source],
        [DIMENSION_LABELS.mode, MODE_SHORT[s.mode] ?? s.mode],
        [DIMENSION_LABELS.rankClass, RANK_CLASS_SHORT[s.rankClass] ?? s.rankClass],
        ['所在镇街', text(s.town)],
        ['村社区', text(s.village)],
        ['村社区类型', POST_TYPE_LABELS[s.postType] ?? s.postType],
        ['应参加人数', text(s.eligibleVoters)],
        ['年初定级', text(s.ratingStart)],
        ['年末定级', text(s.ratingEnd)],
        ['在村工作天数', text(s.daysPresent)],
        ['全年工作日数', text(s.workDays)],
        // the 身份证号 is compared by digest: never shown whole outside the person's page
        ['身份证号', s.idNumber ? digest(s.idNumber) : '—'],
        ['任期', s.termStart || s.termEnd ? `${text(s.termStart)}至${text(s.termEnd)}` : '—'],
      ];
    }
    case 'score': {
      const sum = r.summaryScores?.[0];
      const items = r.itemScores?.[0];
      const inputs = items ? Object.entries(items.inputs).sort(([a], [b]) => (a < b ? -1 : 1)) : [];
      const aside = (row: { setAside?: unknown } | undefined) => (row?.setAside ? '（留存，不计入）' : '');
      return [
        ['基本分', `${text(sum?.baseScore)}${aside(sum)}`],
        ['组织工作目标考评得分', `${text(sum?.orgScore)}${aside(sum)}`],
        [
          '考评细则评分',
          items
            ? `${inputs.length ? inputs.map(([k, v]) => `${k}=${v}`).join('；') : '（无扣加分项）'}${aside(items)}${items.completed ? '（评分完成）' : ''}`
            : '—',
        ],
      ];
    }
    case 'tally': {
      const t = r.tallies?.[0];
      const entries = r.tallyEntries ?? [];
      return [
        ...BALLOT_OPTIONS.map((k): [string, string] => [BALLOT_OPTION_LABELS[k], text(t?.[k])]),
        ['发出票数', text(t?.issued)],
        ['来源', t ? tallySource(t) : '—'],
        [
          '双人录入记录',
          entries.length ? entries.map((e) => `第${e.slot}次 ${e.operator || '未署名'}：${BALLOT_OPTIONS.map((k) => e[k]).join('/')}`).join('；') : '—',
        ],
      ];
    }
    case 'events':
      return [
        [
          '事项',
          (r.events ?? [])
            .map((e) => `${EVENT_KIND_LABELS[e.kind] ?? e.kind}${e.date ? ` ${e.date}` : ''}${e.note ? `（${e.note}）` : ''}`)
            .sort()
            .join('；') || '—',
        ],
      ];
    case 'person': {
      const l = r.personLinks?.[0];
      if (!l) return [];
      return [
        ['对应', l.sameAs ? `与考核 ${l.sameAs.assessmentId} 的编号 ${l.sameAs.id} 为同一人` : l.distinct ? '确认为新人员' : '—'],
        ['确认人', text(l.by)],
        ['时间', text(l.at)],
      ];
    }
    case 'term': {
      const t = r.termEvaluations?.[0];
      if (!t) return [];
      return [
        ['期满评价', TERM_EVALUATION_WORDS[t.grade] ?? t.grade],
        ['依据', text(t.reason)],
        ['记录人', text(t.by)],
        ['时间', text(t.at)],
      ];
    }
    case 'award': {
      const a = r.awardEdits?.[0];
      if (!a) return [];
      return [
        ['奖惩意见', a.lines.join('；') || '—'],
        ['理由', text(a.reason)],
        ['记录人', text(a.by)],
        ['时间', text(a.at)],
      ];
    }
    case 'decision': {
      const d = r.decisions?.[0];
      if (!d) return [];
      return [
        ['审定等次', DEFAULT_GRADE_LABELS[d.grade as Grade] ?? d.grade],
        ['理由', text(d.reason)],
        ['记录人', text(d.by)],
        ['日期', text(d.at)],
      ];
    }
    case 'hold': {
      const h = r.holds?.[0];
      if (!h) return [];
      return [
        ['暂缓定等原因', `${HOLD_REASON_LABELS[h.reason] ?? h.reason}${h.note ? `（${h.note}）` : ''}`],
        ['记录人', text(h.by)],
        ['日期', text(h.at)],
      ];
    }
    case 'warningAck': {
      const w = r.warningAcks?.[0];
      if (!w) return [];
      return [
        [
          '提示',
          `${WARNING_LABELS[w.warning.split(':')[0] as WarningCode] ?? w.warning}${w.warning.includes(':') ? `（与编号${w.warning.split(':')[1]}）` : ''}`,
        ],
        ['确认理由', text(w.reason)],
        ['确认人', text(w.by)],
        ['时间', timeLabel(w.at)],
      ];
    }
    case 'evidence': {
      const e = r.evidence?.[0];
      if (!e) return [];
      const status = { pending: '待核实', checked: '已核实', missing: '缺失', doubtful: '存疑' }[e.status] ?? e.status;
      return [
        ['状态', status],
        ['核查人', text(e.checker)],
        ['日期', text(e.date)],
        ['出处', text(e.reference)],
        ['备注', text(e.note)],
      ];
    }
    case 'attachment': {
      const a = r.attachments?.[0];
      if (!a) return [];
      return [
        ['文件名', a.name],
        ['细则项', text(a.itemCode)],
        ['大小', `${a.size} 字节`],
        ['SHA-256', `${a.sha256.slice(0, 16)}…`],
        ['添加时间', timeLabel(a.addedAt)],
      ];
    }
    case 'attendance': {
      const m = r.attendance?.[0];
      if (!m) return [];
      return [
        ['月份', monthLabel(m.month)],
        ['在村工作天数', String(m.daysPresent)],
        ['本月工作日数', String(m.workDays)],
        ['请假天数', String(m.leaveDays)],
        ['村党组织书记签字', text(m.signedBy)],
        ['备注', text(m.note)],
        ['录入', `${m.source === 'import' ? '导入' : '录入'}（${m.by || '未署名'}）`],
      ];
    }
    case 'review': {
      const v = r.reviews?.[0];
      if (!v) return [];
      return [
        ['季度', quarterLabel(v.quarter)],
        ['情形', v.ground ? (RECALL_GROUND_LABELS[v.ground] ?? v.ground) : '—'],
        ['研判意见', REVIEW_DECISION_LABELS[v.decision] ?? v.decision],
        ['说明', text(v.note)],
        ['记录人', text(v.by)],
      ];
    }
    case 'paper': {
      const p = r.papers?.[0];
      if (!p) return [];
      return [
        ['材料', PAPER_LABELS[p.kind] ?? p.kind],
        ['状态', p.status === 'waived' ? `免交：${p.reason ?? ''}` : '已收到'],
        ['日期', text(p.date)],
        ['经办人', text(p.by)],
        ['备注', text(p.note)],
      ];
    }
    case 'group': {
      const g = r.assignments?.[0];
      if (!g) return [];
      return [
        ['考核组', g.group],
        ['签字', g.signedOff ? `${g.signedOff.by}，${timeLabel(g.signedOff.at)}` : '—'],
      ];
    }
    case 'box': {
      const b = r.boxes?.[0];
      if (!b) return [];
      return [
        ['发出票数', `${b.issued}（${b.issuedAt}）`],
        ['收回票数', b.returned === undefined ? '未收回' : `${b.returned}（${text(b.returnedAt)}）`],
        ['唱票人', text(b.caller)],
        ['计票人', text(b.counter)],
        ['监票人', text(b.scrutineer)],
        [
          '参加人员',
          b.voters ? VOTER_GROUPS.flatMap((k) => (b.voters?.[k] !== undefined ? [`${VOTER_GROUP_LABELS[k]}${b.voters[k]}`] : [])).join('、') || '—' : '—',
        ],
        ['备注', text(b.note)],
      ];
    }
  }
}

/** Where a tally comes from and who confirmed it. */
function tallySource(t: TallyRow): string {
  if (t.source === 'doubleEntry') return '双人录入';
  const by = `导入（${t.importedBy || '未署名'}）`;
  return t.confirmed ? `${by}，${t.confirmed.how === 'review' ? '复核' : '背靠背录入核对'}：${t.confirmed.by}` : `${by}，待复核`;
}

/** The two sides of a conflict, field by field. */
export function sideBySide(mine: Unit | null | undefined, theirs: Unit | null | undefined): SideBySide[] {
  const a = unitFields(mine);
  const b = new Map(unitFields(theirs));
  const labels = [...new Set([...a.map(([l]) => l), ...b.keys()])];
  const left = new Map(a);
  return labels.map((label) => {
    const m = left.get(label) ?? '—';
    const t = b.get(label) ?? '—';
    return { label, mine: m, theirs: t, differs: m !== t };
  });
}

/** What a conflict is about, e.g. `测评计票 · S1`, `佐证材料 · S1 · A3.2 会议记录`. */
export function unitTitle(unit: Unit): string {
  const parts = unit.key.split('|').slice(1).filter(Boolean);
  const last = parts.at(-1) ?? '';
  if (unit.kind === 'attachment') parts[parts.length - 1] = unit.rows.attachments?.[0]?.name ?? last;
  if (unit.kind === 'attendance') parts[parts.length - 1] = monthLabel(last);
  if (unit.kind === 'review') parts[parts.length - 1] = quarterLabel(last);
  if (unit.kind === 'paper') parts[parts.length - 1] = PAPER_LABELS[last as keyof typeof PAPER_LABELS] ?? last;
  return parts.join(' · ');
}
