/**
 * Importing an exchange package: pick the file, see it verified with this laptop's team
 * key (or refused, with the reason), see what is new, identical, deleted on either side
 * and in conflict, choose for every conflict (保留本机 / 采用交换包), then merge — after a
 * backup, in one transaction.
 *
 *   const { start, busy, view } = usePackageImport({ onDone: (ids) => … });
 */
import { useState, type ReactNode } from 'react';
import { readEnvelopeHeader } from '../../../../shared/exchange';
import { describeManifest, describeProtection } from '../../../../shared/exchange/describe';
import type { Choice, Choices } from '../../../../shared/exchange/merge';
import { getOperator } from '../../data/operator';
import { db } from '../../db/db';
import { applyMerge, openPackage, previewMerge, StalePreview, teamKey, type MergePreview, type MergeResult } from '../../db/exchange';
import { LockedError } from '../../db/lock';
import { platform } from '../../platform';
import { Button, Dialog, useToast } from '../../ui';
import { backupBefore, BackupFailed, ZIP_FILTER } from '../../data/backups';
import { ConflictList } from './ConflictList';
import { MergeSummary } from './MergeSummary';
import './exchange.css';

type State =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'refused'; file: string; message: string; hint: string }
  | { step: 'preview'; file: string; preview: MergePreview }
  | { step: 'merging'; file: string; preview: MergePreview }
  | { step: 'done'; file: string; results: MergeResult[] };

export function resultWords(r: MergeResult): string {
  const notBack = r.deletedHere ? `，本机已删除的 ${r.deletedHere} 项未加回` : '';
  if (!r.added && !r.conflicts && !r.deletedThere) return `“${r.name}”：交换包中的数据本机都已有（相同 ${r.identical} 项${notBack}），未做任何改动`;
  const conflicts = r.conflicts ? `，冲突 ${r.conflicts} 项（采用交换包 ${r.taken}，保留本机 ${r.kept}）` : '';
  const removed = r.deletedThere ? `，删除对方已删除的 ${r.deletedThere} 项` : '';
  return `“${r.name}”${r.created ? '（本机新建）' : ''}：新增 ${r.added} 项，相同 ${r.identical} 项${removed}${notBack}${conflicts}`;
}

/** What to do about a refusal that has to do with the team key. */
function keyHint(bytes: Uint8Array, message: string): string {
  if (readEnvelopeHeader(bytes)) return '该文件已加密：请在本页“工作组密钥”中设置与对方相同的密钥后再导入（密钥标识应与文件的一致）。';
  if (message.includes('工作组签名')) return '本机设置了工作组密钥，只接受同一工作组的交换包：请对方设置同一密钥后重新导出。';
  return '请向对方重新索取交换包。';
}

export function usePackageImport({ onDone }: { onDone?: (results: MergeResult[]) => void } = {}): {
  start: () => Promise<void>;
  busy: boolean;
  view: ReactNode;
} {
  const toast = useToast();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [choices, setChoices] = useState<Record<string, Record<string, Choice>>>({});
  const [error, setError] = useState('');
  const close = () => {
    setState({ step: 'idle' });
    setChoices({});
    setError('');
  };

  const start = async () => {
    const files = await platform.openFiles({ title: '导入交换包', filters: [ZIP_FILTER], multiple: false });
    const file = files?.[0];
    if (!file) return;
    setState({ step: 'reading' });
    try {
      const opened = await openPackage(file.bytes, await teamKey(db));
      if (!opened.ok) {
        const message = opened.errors[0]?.message ?? '无法读取该文件';
        return setState({ step: 'refused', file: file.name, message, hint: keyHint(file.bytes, message) });
      }
      if (opened.value.manifest.kind === 'backup') {
        return setState({ step: 'refused', file: file.name, message: '这是备份，不是交换包：请在“备份”页用“从文件恢复”打开它', hint: '' });
      }
      setChoices({});
      setState({ step: 'preview', file: file.name, preview: await previewMerge(db, opened.value) });
    } catch (e) {
      console.error(e);
      setState({ step: 'refused', file: file.name, message: '无法读取该文件，请确认它是双评工作站导出的交换包（.zip）', hint: '' });
    }
  };

  const merge = async (preview: MergePreview, file: string) => {
    setError('');
    setState({ step: 'merging', file, preview });
    try {
      await backupBefore('合并');
      const results = await applyMerge(db, preview, choices, await getOperator());
      setState({ step: 'done', file, results });
      toast(`已合并交换包“${file}”`);
      onDone?.(results);
    } catch (e) {
      if (!(e instanceof BackupFailed || e instanceof StalePreview || e instanceof LockedError)) console.error(e);
      setError(
        e instanceof BackupFailed || e instanceof StalePreview || e instanceof LockedError
          ? e.message
          : `合并失败（${e instanceof Error ? e.message : String(e)}），本机数据未改变`,
      );
      setState({ step: 'preview', file, preview });
    }
  };

  const choose = (assessmentId: string, key: string, choice: Choice) =>
    setChoices((all) => ({ ...all, [assessmentId]: { ...all[assessmentId], [key]: choice } }));
  const chooseAll = (preview: MergePreview, choice: Choice) =>
    setChoices(Object.fromEntries(preview.plans.map((p) => [p.assessmentId, Object.fromEntries(p.conflicts.map((c) => [c.key, choice]))])));

  let view: ReactNode = null;
  if (state.step === 'refused') {
    view = (
      <Dialog
        open
        title="交换包校验未通过"
        onClose={close}
        footer={
          <Button variant="primary" onClick={close}>
            知道了
          </Button>
        }
      >
        <p>
          文件：<strong>{state.file}</strong>
        </p>
        <p className="card notice-warn exchange-refused" role="alert" data-testid="package-refused">
          {state.message}
        </p>
        <p className="note">本机数据没有任何改动。{state.hint}</p>
      </Dialog>
    );
  } else if (state.step === 'preview' || state.step === 'merging') {
    const { preview, file } = state;
    const open = preview.plans.reduce((n, p) => n + p.conflicts.filter((c) => !choices[p.assessmentId]?.[c.key]).length, 0);
    const conflicts = preview.plans.reduce((n, p) => n + p.conflicts.length, 0);
    const busy = state.step === 'merging';
    view = (
      <Dialog
        open
        wide
        title="导入交换包"
        onClose={busy ? () => {} : close}
        footer={
          <>
            {conflicts ? <span className="note">{open ? `还有 ${open} 处冲突未选择` : '每处冲突都已选择'}</span> : null}
            <Button onClick={close} disabled={busy}>
              取消
            </Button>
            <Button variant="primary" onClick={() => void merge(preview, file)} disabled={busy || open > 0 || preview.locked.length > 0}>
              {busy ? '正在合并…' : '合并到本机'}
            </Button>
          </>
        }
      >
        <div className="card notice-ok" role="status" data-testid="package-verified">
          <strong>校验通过：</strong>
          {file}（每个文件的 SHA-256、整包校验值和审计日志哈希链均相符）
          <ul className="exchange-manifest">
            {[...describeManifest(preview.opened.manifest), ...describeProtection(preview.opened)].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        {preview.fromHere ? <p className="card notice-warn">这是本机导出的交换包。</p> : null}
        {preview.lookalikes.length ? (
          <p className="card notice-warn">
            本机已有同名同年度的考核，但不是同一个考核（编号不同）：合并后会另建一个考核。如两台电脑各自新建了考核，请改为由一台电脑导出整个考核、另一台导入后再分工录入。
          </p>
        ) : null}
        {preview.locked.length ? (
          <p className="card notice-warn" role="alert">
            本机上该考核已定稿，不能合并。如确需合并，请先解除定稿（须说明理由）。
          </p>
        ) : null}
        {error ? (
          <p className="card notice-warn" role="alert" data-testid="merge-error">
            {error}
          </p>
        ) : null}
        {preview.plans.map((plan) => (
          <section key={plan.assessmentId}>
            <MergeSummary plan={plan} />
            {plan.conflicts.length ? (
              <ConflictList
                plan={plan}
                choices={(choices[plan.assessmentId] ?? {}) as Choices}
                onChoose={(key, choice) => choose(plan.assessmentId, key, choice)}
                onChooseAll={(choice) => chooseAll(preview, choice)}
              />
            ) : null}
          </section>
        ))}
        <p className="note">合并前会自动备份本机数据；合并在一个事务中完成，中途断电或关闭，本机数据保持合并前的样子。</p>
      </Dialog>
    );
  } else if (state.step === 'done') {
    view = (
      <Dialog
        open
        title="合并完成"
        onClose={close}
        footer={
          <Button variant="primary" onClick={close}>
            知道了
          </Button>
        }
      >
        <ul data-testid="merge-result">
          {state.results.map((r) => (
            <li key={r.assessmentId}>{resultWords(r)}</li>
          ))}
        </ul>
        <p className="note">合并已记入审计日志（来源电脑、交换包校验值、数量、删除的内容和每处冲突的选择）。</p>
      </Dialog>
    );
  }
  return { start, busy: state.step === 'reading' || state.step === 'merging', view };
}

export function ImportPackageButton({ label = '导入交换包…', onDone }: { label?: string; onDone?: (results: MergeResult[]) => void }) {
  const { start, busy, view } = usePackageImport(onDone ? { onDone } : {});
  return (
    <>
      <Button onClick={() => void start()} disabled={busy}>
        {busy ? '正在读取…' : label}
      </Button>
      {view}
    </>
  );
}
