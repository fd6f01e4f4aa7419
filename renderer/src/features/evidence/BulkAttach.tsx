/**
 * Many files at once: each is matched to a secretary by the 编号 in its name
 * (JZ001_会议记录.jpg); an item code in the name (A3.2) files it under that item.
 * Files without a known 编号 are listed, not saved.
 */
import { useState } from 'react';
import { getOperator } from '../../data/operator';
import { db } from '../../db/db';
import type { SecretaryRecord } from '../../db/schema';
import { Button, Dialog, useToast } from '../../ui';
import { kindLabel } from './kinds';
import { matchFiles, type MatchOutcome } from './matchFiles';
import { sizeWords } from '../../../../shared/model';
import { addAttachment } from './store';

export function BulkAttach({
  assessmentId,
  secretaries,
  itemCodes,
}: {
  assessmentId: string;
  secretaries: readonly SecretaryRecord[];
  itemCodes: readonly string[];
}) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<MatchOutcome<File> | null>(null);
  const [saving, setSaving] = useState(false);
  const names = new Map(secretaries.map((s) => [s.id, s.name]));

  const close = () => {
    setOpen(false);
    setOutcome(null);
  };
  const save = async () => {
    if (!outcome) return;
    setSaving(true);
    let added = 0;
    const operator = await getOperator();
    for (const m of outcome.matched) {
      const { duplicate } = await addAttachment(db, assessmentId, m.id, m.itemCode, m.file, operator);
      if (!duplicate) added++;
    }
    setSaving(false);
    toast(`已保存 ${added} 个附件${outcome.matched.length > added ? `，${outcome.matched.length - added} 个内容重复未再保存` : ''}`);
    close();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>批量添加附件</Button>
      <Dialog
        open={open}
        title="批量添加附件"
        wide
        onClose={close}
        footer={
          <>
            <Button onClick={close}>取消</Button>
            <Button variant="primary" disabled={!outcome?.matched.length || saving} onClick={() => void save()}>
              {saving ? '正在保存…' : `保存 ${outcome?.matched.length ?? 0} 个文件`}
            </Button>
          </>
        }
      >
        <p className="note">文件名须含第一书记编号，如“JZ001_会议记录.jpg”；含考评项目编号（如 A3.2）的归入该项目。文件只保存在本机，不会上传。</p>
        {/* the browser's own file field says “Choose File” in the computer's language: our button says it in Chinese */}
        <label className="btn btn-secondary file-button" style={{ display: 'inline-flex', alignItems: 'center', position: 'relative' }}>
          选择文件（可多选）
          <input
            type="file"
            multiple
            accept="image/*,application/pdf"
            aria-label="选择文件"
            style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
            onChange={(e) => setOutcome(matchFiles(Array.from(e.target.files ?? []), [...names.keys()], itemCodes))}
          />
        </label>
        {outcome ? (
          <>
            <h3 style={{ marginTop: 12 }}>已匹配 {outcome.matched.length} 个</h3>
            <div className="table-wrap">
              <table className="table" data-testid="bulk-matched">
                <thead>
                  <tr>
                    <th>文件</th>
                    <th>编号</th>
                    <th>姓名</th>
                    <th>考评项目</th>
                    <th>类别</th>
                    <th>大小</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.matched.map((m) => (
                    <tr key={m.file.name}>
                      <td>{m.file.name}</td>
                      <td>{m.id}</td>
                      <td>{names.get(m.id)}</td>
                      <td>{m.itemCode || <span className="muted">未指定</span>}</td>
                      <td>{m.kind ? kindLabel(m.kind) : ''}</td>
                      <td className="num">{sizeWords(m.file.size)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {outcome.unmatched.length ? (
              <>
                <h3 style={{ marginTop: 12, color: 'var(--danger)' }}>未匹配 {outcome.unmatched.length} 个（文件名中找不到编号，不会保存）</h3>
                <ul data-testid="bulk-unmatched">
                  {outcome.unmatched.map((f) => (
                    <li key={f.name}>{f.name}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </Dialog>
    </>
  );
}
