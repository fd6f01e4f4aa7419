/** Pieces every print shares: the heading block and signature lines. */
import type { CSSProperties, ReactNode } from 'react';
import { chineseDate } from './format';
import type { PrintData } from './model';
import { scopeLine } from './data';

/** 胶州市 2024年度 …考核; `sep = ''` for running text. */
export function assessmentLine(data: PrintData, sep = ' '): string {
  const { name, year, region } = data.assessment;
  return [region, `${year}年度`, name].filter(Boolean).join(sep);
}

/** 定稿 state, the audit head and the data digest, for the small print under a title. */
export function stateParts(data: PrintData, digest?: string): string[] {
  const parts = [data.locked ? '结果已定稿' : '结果未定稿（以定稿后打印的为准）'];
  if (data.auditHead) parts.push(`审计链 ${data.auditHead.slice(0, 8)}`);
  if (digest) parts.push(`数据摘要 ${digest}`);
  return parts;
}

/** Small print whose parts wrap between, never inside, each other. */
export function MetaSmall({ parts, style }: { parts: readonly string[]; style?: CSSProperties }) {
  return (
    <p className="meta-small" style={style}>
      {parts.map((part, i) => (
        <span key={i}>
          {i ? '　' : ''}
          <span className="nowrap">{part}</span>
        </span>
      ))}
    </p>
  );
}

/** `scoped`: a list says what a narrowed print covers (a form of one person need not). */
export function DocHead({
  title,
  data,
  extra,
  digest,
  scoped = true,
}: {
  title: string;
  data: PrintData;
  extra?: ReactNode;
  digest?: string;
  scoped?: boolean;
}) {
  return (
    <header className="keep">
      <h1>{title}</h1>
      <p className="meta">{assessmentLine(data)}</p>
      {scoped && data.scope ? <p className="meta">{scopeLine(data.scope)}</p> : null}
      {extra}
      <MetaSmall parts={[`考核规则：${data.policy.name}`, `打印日期：${chineseDate(data.printDate)}`, ...stateParts(data, digest)]} />
    </header>
  );
}

export function SignLine({ label, width }: { label: string; width?: number }) {
  return (
    <span>
      {label}：<i className="line" style={width ? { width: `${width}mm` } : undefined} />
    </span>
  );
}

export function Signatures({ labels }: { labels: readonly string[] }) {
  return (
    <div className="sign">
      {labels.map((l) => (
        <SignLine key={l} label={l} />
      ))}
    </div>
  );
}
