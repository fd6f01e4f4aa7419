/** On the results: how many tallies count without a second person's confirmation yet. */
import { useLiveQuery } from 'dexie-react-hooks';
import { screenHref } from '../../data/routes';
import { db } from '../../db/db';
import { isConfirmed } from './store';

export function UnconfirmedNotice({ assessmentId }: { assessmentId: string }) {
  const ids = useLiveQuery(
    async () => (await db.tallies.where('assessmentId').equals(assessmentId).toArray()).filter((t) => !isConfirmed(t)).map((t) => t.id),
    [assessmentId],
  );
  if (!ids?.length) return null;
  return (
    <div className="card notice-warn" role="status" data-testid="unconfirmed-notice">
      有 <strong>{ids.length}</strong> 人的测评计票为导入数据，尚未经第二人复核（{ids.slice(0, 8).join('、')}
      {ids.length > 8 ? ` 等${ids.length}人` : ''}），其结果按导入的票数计算。请到 <a href={screenHref(assessmentId, 'ballots')}>测评</a> 复核。
    </div>
  );
}
