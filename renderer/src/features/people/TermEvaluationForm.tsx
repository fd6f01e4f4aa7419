/**
 * 期满评价 on the person's page (docs/method.md §12): the term-end evaluation by the
 * 派出单位 and the 组织部门, with what it rests on; the 期满考核 takes it by the policy
 * (`evaluation: required` waits for it). Logged with what it replaced.
 */
import { useState } from 'react';
import type { PersonView, TermEvaluation } from '../../../../shared/people';
import type { TermRule } from '../../../../shared/model';
import { getOperator } from '../../data/operator';
import { useWrite } from '../../data/useWrite';
import { db } from '../../db/db';
import { setTermEvaluation } from '../../db/people';
import { Button, Field, useToast } from '../../ui';

type Term = NonNullable<PersonView['term']>;
const GRADES: TermEvaluation['grade'][] = ['excellent', 'pass', 'fail'];

export function TermEvaluationForm(props: { assessmentId: string; id: string; term: Term; rule: TermRule; names: Map<string, string>; readOnly: boolean }) {
  const { assessmentId, id, term, rule, names, readOnly } = props;
  const e = term.evaluation;
  const [grade, setGrade] = useState<TermEvaluation['grade'] | ''>(e?.grade ?? '');
  const [reason, setReason] = useState(e?.reason ?? '');
  const [error, setError] = useState<string | undefined>();
  const write = useWrite();
  const toast = useToast();
  const own = e && e.on.assessmentId === assessmentId && e.on.id === id;
  const save = () => {
    if (!grade) return setError('请选择期满评价');
    if (!reason.trim()) return setError('请填写评价依据');
    setError(undefined);
    write(
      (async () => {
        await setTermEvaluation(db, assessmentId, id, { grade, reason }, await getOperator());
        toast(`已录入期满评价：${rule.labels[grade]}`);
      })(),
    );
  };
  const remove = () =>
    write(
      (async () => {
        await setTermEvaluation(db, assessmentId, id, null, await getOperator());
        setGrade('');
        setReason('');
        toast('已删除期满评价');
      })(),
    );
  return (
    <div className="card" data-testid="term-evaluation">
      <p>
        {e
          ? `期满评价：${rule.labels[e.grade]}（${e.reason}；${e.by}录入${own ? '' : `于${names.get(e.on.assessmentId) ?? e.on.assessmentId}`}）`
          : `尚未录入期满评价${rule.evaluation === 'required' ? '（按考核规则，录入后才能确定期满考核结果）' : '（按考核规则，未录入时按任期内年度考核结果确定）'}`}
      </p>
      {readOnly ? null : (
        <form
          className="toolbar"
          aria-label="期满评价"
          onSubmit={(ev) => {
            ev.preventDefault();
            save();
          }}
        >
          <Field label="派出单位和组织部门的期满评价">
            <select value={grade} onChange={(ev) => setGrade(ev.target.value as TermEvaluation['grade'] | '')}>
              <option value="">（请选择）</option>
              {GRADES.map((g) => (
                <option key={g} value={g}>
                  {rule.labels[g]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="评价依据" error={error} wide>
            <input value={reason} placeholder="如：派出单位评价意见、组织部门考察意见" onChange={(ev) => setReason(ev.target.value)} />
          </Field>
          <Button type="submit" variant="primary">
            保存期满评价
          </Button>
          {own ? (
            <Button variant="ghost" onClick={remove}>
              删除期满评价
            </Button>
          ) : null}
        </form>
      )}
    </div>
  );
}
