/**
 * Before a person link is saved (docs/method.md §11.3): what it would change in the open
 * assessments — who gains or loses a carried block of 优秀, whose grade would change —
 * and that finalized years keep what they carried. Nothing is saved until confirmed.
 */
import { useEffect, useState } from 'react';
import { db } from '../../db/db';
import { previewLink, type LinkChange, type LinkPreview } from '../../db/link-preview';
import { Button } from '../../ui';

export interface PendingLink {
  change: LinkChange;
  /** what is about to be saved, in words */
  title: string;
}

export function LinkPreviewPanel(props: { assessmentId: string; id: string; pending: PendingLink; onConfirm: () => void; onCancel: () => void }) {
  const { assessmentId, id, pending, onConfirm, onCancel } = props;
  const [preview, setPreview] = useState<LinkPreview | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    previewLink(db, assessmentId, id, pending.change).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [assessmentId, id, pending]);
  return (
    <section className="card notice-warn" role="alertdialog" aria-label="保存前预览" data-testid="link-preview">
      <strong>{`${pending.title}：保存前请核对对往年处理的影响`}</strong>
      {failed ? <p className="error-summary">{failed}</p> : null}
      {!preview && !failed ? <p className="muted">正在计算…</p> : null}
      {preview ? (
        <>
          <CarriedChanges changes={preview} />
          <p className="note">
            {preview.finalized.length
              ? `已定稿的考核（${preview.finalized.join('、')}）保留定稿时的往年处理，等次不变；如需按新的对应重新计算，须先解除定稿。`
              : '已定稿的考核保留定稿时的往年处理，等次不变。'}
          </p>
        </>
      ) : null}
      <div className="actions">
        <Button variant="primary" onClick={onConfirm} disabled={!preview}>
          确认保存
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </div>
    </section>
  );
}

/** Who gains or loses a carried block of 优秀, and whose grade changes, in each open assessment. */
export function CarriedChanges({ changes }: { changes: LinkPreview }) {
  if (!changes.open.length) return <p>未定稿的考核中，没有人的往年处理或等次因此改变。</p>;
  return (
    <>
      {changes.open.map((a) => (
        <div key={a.assessmentId}>
          <p>{`${a.label}（未定稿）：`}</p>
          <ul>
            {a.secretaries.map((s) => (
              <li key={s.id}>
                {[
                  `${s.name}（${s.id}）`,
                  ...s.gained.map((r) => `新增不得评为优秀：${r}`),
                  ...s.lost.map((r) => `不再受限：${r}`),
                  s.grade ? `等次由${s.grade.from}变为${s.grade.to}` : '',
                ]
                  .filter(Boolean)
                  .join('；')}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
