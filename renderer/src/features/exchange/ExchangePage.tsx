/**
 * 数据交换: several laptops, one assessment. Export the whole assessment or a team's
 * share (by town or a selection of secretaries) as one verified file, and import the
 * packages of the other teams (merged with conflicts listed for a person to choose).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { shortId } from '../../../../shared/exchange';
import { NO_TOWN } from '../../../../shared/exchange/scope';
import type { Scope } from '../../../../shared/exchange';
import { getOperator } from '../../data/operator';
import { db } from '../../db/db';
import { exportPackage } from '../../db/exchange';
import { laptopId } from '../../db/snapshot';
import { platform } from '../../platform';
import { Button, Field, useToast } from '../../ui';
import { ZIP_FILTER } from '../../data/backups';
import { ImportPackageButton } from './ImportPackage';
import { TeamKeyCard } from './TeamKey';
import './exchange.css';

type ScopeKind = Scope['kind'];

export function ExchangePage({ assessmentId }: { assessmentId: string }) {
  const toast = useToast();
  const roster = useLiveQuery(() => db.secretaries.where('assessmentId').equals(assessmentId).sortBy('id'), [assessmentId]);
  const [here, setHere] = useState('');
  useEffect(() => void laptopId(db).then(setHere), []);
  const [kind, setKind] = useState<ScopeKind>('assessment');
  const [towns, setTowns] = useState<string[]>([]);
  const [ids, setIds] = useState<string[]>([]);
  const [find, setFind] = useState('');
  const [busy, setBusy] = useState(false);

  const townCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const s of roster ?? []) counts.set(s.town ?? '', (counts.get(s.town ?? '') ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));
  }, [roster]);
  if (!roster) return <p className="muted">正在读取…</p>;

  const scope: Scope = kind === 'towns' ? { kind, towns } : kind === 'secretaries' ? { kind, ids } : { kind: 'assessment' };
  const selected = kind === 'towns' ? roster.filter((s) => towns.includes(s.town ?? '')).length : kind === 'secretaries' ? ids.length : roster.length;
  const shown = find ? roster.filter((s) => s.id.includes(find) || s.name.includes(find) || (s.town ?? '').includes(find)) : roster;
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  const exportNow = async () => {
    setBusy(true);
    try {
      const exported = await exportPackage(db, assessmentId, scope, await getOperator());
      const saved = await platform.saveFile({ title: '导出交换包', suggestedName: exported.fileName, filters: [ZIP_FILTER], bytes: exported.bytes });
      if (saved) toast(`已导出交换包：${exported.fileName}（${selected} 名书记）`);
    } catch (e) {
      console.error(e);
      toast(`导出失败：${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="exchange-page">
      <div className="page-head">
        <h1>数据交换</h1>
        <span className="note">本机编号 {here ? shortId(here) : '…'}</span>
      </div>
      <p className="note">
        各组在自己的电脑上分镇街录入，再用交换包汇总：导出本组负责的部分，交给汇总的电脑导入。导入时逐个核对
        SHA-256，文件被改动即拒绝；本机已有的相同内容自动忽略，不同的内容列为冲突，由人逐项选择，绝不悄悄覆盖，也不会把两组的计票相加。一台电脑上删除的内容随交换包带到其他电脑，不会被别的交换包加回来。
      </p>

      <TeamKeyCard />

      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">导出交换包</h2>
        <div className="scope-choice" role="radiogroup" aria-label="导出范围">
          {(
            [
              ['assessment', '整个考核'],
              ['towns', '按镇街'],
              ['secretaries', '选定书记'],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input type="radio" name="scope" checked={kind === value} onChange={() => setKind(value)} />
              {label}
            </label>
          ))}
        </div>
        {kind === 'towns' ? (
          <div className="pick-list" role="group" aria-label="镇街">
            {townCounts.map(([town, n]) => (
              <label key={town}>
                <input type="checkbox" checked={towns.includes(town)} onChange={(e) => setTowns(toggle(towns, town, e.target.checked))} />
                {town || NO_TOWN}（{n}人）
              </label>
            ))}
          </div>
        ) : null}
        {kind === 'secretaries' ? (
          <>
            <div className="toolbar">
              <Field label="查找书记">
                <input value={find} onChange={(e) => setFind(e.target.value)} placeholder="编号、姓名或镇街" />
              </Field>
              <Button variant="ghost" onClick={() => setIds([...new Set([...ids, ...shown.map((s) => s.id)])])}>
                全选所列
              </Button>
              <Button variant="ghost" onClick={() => setIds([])}>
                清空
              </Button>
            </div>
            <div className="pick-list secretaries" role="group" aria-label="书记">
              {shown.map((s) => (
                <label key={s.id}>
                  <input type="checkbox" checked={ids.includes(s.id)} onChange={(e) => setIds(toggle(ids, s.id, e.target.checked))} />
                  {s.id} {s.name}
                  {s.town ? <span className="muted">（{s.town}）</span> : null}
                </label>
              ))}
            </div>
          </>
        ) : null}
        <p className="note" aria-live="polite">
          将导出考核设置和 {selected}{' '}
          名书记的名册、考评得分、测评计票、直接定等事项、审定意见、佐证材料及附件、删除记录，连同本考核的审计日志；导出本身记入审计日志（含数据的校验值）。
        </p>
        <Button variant="primary" onClick={() => void exportNow()} disabled={busy || (kind !== 'assessment' && selected === 0)}>
          {busy ? '正在导出…' : '导出交换包'}
        </Button>
      </section>

      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">导入交换包</h2>
        <p className="note">导入其他电脑导出的交换包：先校验，再列出新增、相同、删除和冲突的内容，选择后合并。合并前自动备份本机数据。</p>
        <ImportPackageButton />
      </section>
    </div>
  );
}
