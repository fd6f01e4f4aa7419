/** Thumbnails of attachments, with a preview (image, or PDF in a frame) and the file's SHA-256. */
import { useState } from 'react';
import { db } from '../../db/db';
import type { AttachmentRecord } from '../../db/schema';
import { Button, ConfirmButton, Dialog } from '../../ui';
import { useOperator } from '../../data/operator';
import { useWrite } from '../../data/useWrite';
import { sizeWords } from '../../../../shared/model';
import { isImage, isPdf, removeAttachment } from './store';
import { useObjectUrl } from './useObjectUrl';

function Thumb({ a, onOpen }: { a: AttachmentRecord; onOpen: () => void }) {
  const url = useObjectUrl(isImage(a) ? a.blob : null);
  return (
    <button type="button" className="thumb" onClick={onOpen} aria-label={`预览 ${a.name}`}>
      {url ? <img src={url} alt="" /> : <span className="file-icon">{isPdf(a) ? 'PDF' : '文件'}</span>}
    </button>
  );
}

function Preview({ a, onClose }: { a: AttachmentRecord; onClose: () => void }) {
  const url = useObjectUrl(a.blob);
  return (
    <Dialog open title={a.name} onClose={onClose} wide footer={<Button onClick={onClose}>关闭</Button>}>
      {url && isImage(a) ? <img className="preview-img" src={url} alt={a.name} /> : null}
      {url && isPdf(a) ? <iframe className="preview-frame" src={url} title={a.name} /> : null}
      {!isImage(a) && !isPdf(a) ? <p className="muted">此类文件无法预览。</p> : null}
      <p className="note" style={{ marginTop: 8 }}>
        {sizeWords(a.size)} · 添加于 {a.addedAt.slice(0, 10)}
      </p>
      <p className="hash-full" data-testid="attachment-sha256">
        SHA-256：{a.sha256}
      </p>
    </Dialog>
  );
}

export function AttachmentList({ attachments, readOnly }: { attachments: readonly AttachmentRecord[]; readOnly?: boolean }) {
  const [open, setOpen] = useState<AttachmentRecord | null>(null);
  const { operator } = useOperator();
  const write = useWrite();
  if (attachments.length === 0) return null;
  return (
    <>
      <ul className="attach-list" aria-label="附件">
        {attachments.map((a) => (
          <li key={a.key} className="attach" style={{ listStyle: 'none' }}>
            <Thumb a={a} onOpen={() => setOpen(a)} />
            <div className="name" title={a.name}>
              {a.name}
            </div>
            <div className="hash" title={`SHA-256：${a.sha256}`} data-testid="attachment-hash">
              {a.sha256.slice(0, 16)}…
            </div>
            {readOnly ? null : (
              <ConfirmButton
                variant="danger"
                label="删除"
                title="删除附件"
                confirmLabel="删除附件"
                onConfirm={() => write(removeAttachment(db, a, operator ?? ''))}
              >
                <p>删除附件“{a.name}”？删除记入审计日志。</p>
              </ConfirmButton>
            )}
          </li>
        ))}
      </ul>
      {open ? <Preview a={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
