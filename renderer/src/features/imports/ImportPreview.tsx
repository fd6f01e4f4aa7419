/**
 * What an import would change, shown before anything is written: how many records are
 * new, the same, different, or here but not in the file; every difference side by side
 * (本机 / 文件) with a choice each — nothing is replaced by default — and the file's
 * warnings, which a person acknowledges. A confirmed tally about to be replaced is
 * marked: the file's tally would be one entry again, waiting for its second person.
 */
import { useState } from 'react';
import { sideBySide } from '../../../../shared/exchange/describe';
import { formatInputError } from '../../../../shared/model';
import type { ImportChoice, ImportChoices, PlanRow } from '../../db/import-plan';
import { unanswered } from '../../db/import-plan';
import { Button, Dialog } from '../../ui';
import { WORKBOOK_LABELS, type WorkbookPreview } from './workbooks';

const SHOWN = 200;

function nameOf(row: PlanRow): string {
  return row.theirs?.rows.secretaries?.[0]?.name ?? row.mine?.rows.secretaries?.[0]?.name ?? '';
}

function RowChoice({
  row,
  chosen,
  onChoose,
  names,
}: {
  row: PlanRow;
  chosen: ImportChoice | undefined;
  onChoose: (c: ImportChoice) => void;
  names: ReadonlyMap<string, string>;
}) {
  const absent = row.status === 'absent';
  const title = `${row.id} ${nameOf(row) || names.get(row.id) || ''}`.trim();
  const labels: Record<ImportChoice, string> = absent ? { mine: '保留', theirs: '删除' } : { mine: '保留本机', theirs: '采用文件' };
  const fields = sideBySide(row.mine, row.theirs).filter((f) => absent || f.differs);
  return (
    <section className={`card import-row${chosen ? ' import-row-chosen' : ''}`} data-testid="import-row" data-id={row.id} aria-label={title}>
      <div className="import-row-head">
        <h4>
          {title}
          {absent ? <span className="badge">文件中没有</span> : null}
          {row.confirmed ? <span className="badge badge-warn">本机已确认</span> : null}
        </h4>
        <div role="radiogroup" aria-label={`${title}：选择`} className="import-choice">
          {(['mine', 'theirs'] as const).map((c) => (
            <label key={c} className={chosen === c ? 'chosen' : undefined}>
              <input type="radio" name={`import-${row.id}`} checked={chosen === c} onChange={() => onChoose(c)} />
              {labels[c]}
            </label>
          ))}
        </div>
      </div>
      <table className="table side-table">
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">本机</th>
            {absent ? null : <th scope="col">文件</th>}
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.label} className={f.differs && !absent ? 'differs' : undefined}>
              <th scope="row">{f.label}</th>
              <td>{f.mine}</td>
              {absent ? null : <td>{f.theirs}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ImportPreview({
  preview,
  names,
  busy,
  onCancel,
  onConfirm,
}: {
  preview: WorkbookPreview;
  /** 编号 → 姓名 from the roster, for rows of other workbooks */
  names: ReadonlyMap<string, string>;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (choices: ImportChoices) => void;
}) {
  const [choices, setChoices] = useState<Record<string, ImportChoice>>({});
  const [acknowledged, setAcknowledged] = useState(false);
  const { counts } = preview;
  const asked = preview.rows.filter((r) => r.status === 'different' || r.status === 'absent');
  const different = asked.filter((r) => r.status === 'different');
  const absent = asked.filter((r) => r.status === 'absent');
  const confirmedReplaced = different.filter((r) => r.confirmed && choices[r.id] === 'theirs').length;
  const open = unanswered(preview, choices).length;
  const chooseAll = (rows: PlanRow[], c: ImportChoice) => setChoices((all) => ({ ...all, ...Object.fromEntries(rows.map((r) => [r.id, c])) }));
  const ready = open === 0 && (preview.warnings.length === 0 || acknowledged) && !busy;

  return (
    <Dialog
      open
      wide
      title={`导入${WORKBOOK_LABELS[preview.kind]}：确认变更`}
      onClose={onCancel}
      footer={
        <>
          <span className="note" style={{ marginRight: 'auto' }} data-testid="import-open">
            {open ? `还有 ${open} 人未选择` : '已全部选择'}
          </span>
          <Button onClick={onCancel}>取消，不导入</Button>
          <Button variant="primary" disabled={!ready} onClick={() => onConfirm(choices)}>
            确认导入
          </Button>
        </>
      }
    >
      <p data-testid="import-counts">
        文件：<strong>{preview.file}</strong>。新增 <strong>{counts.new}</strong> 人，与本机相同 <strong>{counts.same}</strong> 人，与本机不同{' '}
        <strong>{counts.different}</strong> 人
        {counts.absent ? (
          <>
            ，本机有而文件中没有 <strong>{counts.absent}</strong> 人
          </>
        ) : null}
        。
      </p>
      <p className="note">
        不同的数据须逐一选择“保留本机”或“采用文件”，不选择不会替换。被替换的原值记入审计日志，可在“审计”页查看和恢复。
        {preview.kind === 'ballots' ? '导入的计票只算一次录入，须由另一名操作员复核或背靠背录入确认。' : ''}
        {preview.kind === 'roster' && counts.absent ? '删除名册中的人员时，其评分、计票等记录保留，重新加入名册后恢复。' : ''}
      </p>
      {preview.warnings.length ? (
        <div className="card notice-warn" data-testid="import-warnings">
          <strong>文件中有以下情况需要确认（不是错误）：</strong>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{formatInputError(w)}</li>
            ))}
          </ul>
          <label>
            <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} /> 我已核对以上情况，仍要导入
          </label>
        </div>
      ) : null}
      {asked.length ? (
        <div className="toolbar">
          {different.length ? (
            <>
              <Button onClick={() => chooseAll(different, 'mine')}>不同的全部保留本机</Button>
              <Button onClick={() => chooseAll(different, 'theirs')}>不同的全部采用文件</Button>
            </>
          ) : null}
          {absent.length ? (
            <>
              <Button onClick={() => chooseAll(absent, 'mine')}>文件中没有的全部保留</Button>
              <Button onClick={() => chooseAll(absent, 'theirs')}>删除文件中没有的 {absent.length} 人</Button>
            </>
          ) : null}
        </div>
      ) : null}
      {confirmedReplaced ? (
        <p className="error-summary" role="alert" data-testid="confirmed-replaced">
          将替换 {confirmedReplaced} 人已经两人确认的数据。
          {preview.kind === 'ballots' ? '替换后这些计票需要重新复核。' : ''}
        </p>
      ) : null}
      <div className="import-rows">
        {asked.slice(0, SHOWN).map((row) => (
          <RowChoice
            key={row.id}
            row={row}
            names={names}
            chosen={choices[row.id] ?? (row.status === 'absent' ? 'mine' : undefined)}
            onChoose={(c) => setChoices((all) => ({ ...all, [row.id]: c }))}
          />
        ))}
        {asked.length > SHOWN ? <p className="note">另有 {asked.length - SHOWN} 人未列出，可用上方按钮一并选择。</p> : null}
      </div>
    </Dialog>
  );
}
