/** On the results: how many tallies count without a second person's confirmation yet. */
import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment } from 'react';
import { screenHref } from '../../data/routes';
import { db } from '../../db/db';
import { isConfirmed } from './store';

/** The 编号 of the tallies imported and not yet confirmed by a second person; undefined while reading. */
export function useUnconfirmed(assessmentId: string): string[] | undefined {
  return useLiveQuery(
    async () => (await db.tallies.where('assessmentId').equals(assessmentId).toArray()).filter((t) => !isConfirmed(t)).map((t) => t.id),
    [assessmentId],
  );
}

/** `onShow`, when given, makes each 编号 a link to its row on the screen. */
export function UnconfirmedNotice({ assessmentId, ids, onShow }: { assessmentId: string; ids: readonly string[]; onShow?: (id: string) => void }) {
  if (!ids.length) return null;
  const shown = ids.slice(0, 8);
  return (
    <div className="card notice-warn" role="status" data-testid="unconfirmed-notice">
      有 <strong>{ids.length}</strong> 人的测评计票为导入数据，尚未经第二人复核（
      {shown.map((id, i) => (
        <Fragment key={id}>
          {i ? '、' : ''}
          {onShow ? (
            <button type="button" className="link-button" onClick={() => onShow(id)}>
              {id}
            </button>
          ) : (
            id
          )}
        </Fragment>
      ))}
      {ids.length > 8 ? ` 等${ids.length}人` : ''}），其结果按导入的票数计算。请到 <a href={screenHref(assessmentId, 'ballots')}>测评</a> 复核。
    </div>
  );
}
