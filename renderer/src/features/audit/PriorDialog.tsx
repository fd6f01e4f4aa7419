/**
 * The values a logged change replaced, beside what holds now, and the way back: 恢复为
 * 变更前的值 is a new change, logged, which can itself be undone from the log.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { actionLabel } from '../../../../shared/audit/actions';
import { sideBySide, unitTitle } from '../../../../shared/exchange/describe';
import { UNIT_LABELS } from '../../../../shared/exchange/units';
import { useOperator } from '../../data/operator';
import { db } from '../../db/db';
import { priorAndNow, revertEntry } from '../../db/revert';
import type { AuditRecord } from '../../db/schema';
import { Button, ConfirmButton, Dialog, useToast } from '../../ui';
import { useWrite } from '../../data/useWrite';
import { localTime } from './exportLog';

export function PriorDialog({ entry, locked, onClose }: { entry: AuditRecord; locked: boolean; onClose: () => void }) {
  const units = useLiveQuery(() => priorAndNow(db, entry), [entry.hash]);
  const { operator } = useOperator();
  const toast = useToast();
  const write = useWrite();
  const unchanged = units?.every((u) => u.before?.fingerprint === u.now?.fingerprint) ?? true;
  return (
    <Dialog
      open
      wide
      title="变更前的值"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>关闭</Button>
          {locked ? null : (
            <ConfirmButton
              variant="primary"
              label="恢复为变更前的值"
              title="恢复为变更前的值"
              confirmLabel="恢复"
              disabled={!units || unchanged}
              onConfirm={() =>
                write(
                  revertEntry(db, entry, operator ?? '').then(() => {
                    toast('已恢复为变更前的值，并记入审计日志');
                    onClose();
                  }),
                )
              }
            >
              <p>把下列数据恢复为“{actionLabel(entry.action)}”之前的值？现在的值同样记入审计日志，可以再恢复。</p>
            </ConfirmButton>
          )}
        </>
      }
    >
      <p className="note">
        {localTime(entry.at)}，{entry.operator || '未署名'}：{actionLabel(entry.action)} {entry.target}
        {locked ? '。本次考核已定稿，不能恢复。' : ''}
      </p>
      {units === undefined ? <p className="muted">正在读取…</p> : null}
      {units?.map(({ key, before, now }) => {
        const unit = before ?? now;
        const title = unit ? `${UNIT_LABELS[unit.kind]} · ${unitTitle(unit)}` : key;
        return (
          <section key={key} className="card prior-unit" aria-label={title} data-testid="prior-unit">
            <h4>{title}</h4>
            <table className="table side-table">
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col">变更前</th>
                  <th scope="col">现在</th>
                </tr>
              </thead>
              <tbody>
                {sideBySide(before, now).map((f) => (
                  <tr key={f.label} className={f.differs ? 'differs' : undefined}>
                    <th scope="row">{f.label}</th>
                    <td>{before ? f.mine : '（无）'}</td>
                    <td>{now ? f.theirs : '（无）'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </Dialog>
  );
}
