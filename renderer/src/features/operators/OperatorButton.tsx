import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { Button, Dialog, Field } from '../../ui';
import { chooseOperator, hasPin, PIN_MIN_LENGTH, removeOperator, useOperator, useOperators } from '../../data/operator';

/** The operator confirmed with their PIN in this window (asked again after a restart). */
const CONFIRMED = 'shuangping.operatorConfirmed';
const confirmed = () => {
  try {
    return sessionStorage.getItem(CONFIRMED);
  } catch {
    return null;
  }
};
const confirm = (name: string) => {
  try {
    sessionStorage.setItem(CONFIRMED, name);
  } catch {
    // no session storage: asked again next time
  }
};

/**
 * The operator's name in the header; click to change it. Asks for it when none is set,
 * and for the PIN when the operator has one and has not given it in this window.
 */
export function OperatorButton() {
  const { operator, setOperator } = useOperator();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [pin, setPinText] = useState('');
  const [newPin, setNewPin] = useState('');
  const [error, setError] = useState('');
  const operatorHasPin = useLiveQuery(() => (operator ? hasPin(operator) : false), [operator]);
  const nameHasPin = useLiveQuery(() => hasPin(name), [name]) ?? false;
  const operators = useOperators() ?? [];
  const isNew = name.trim() !== '' && !operators.some((o) => o.name === name.trim());

  const start = (who = operator ?? '') => {
    setName(who);
    setPinText('');
    setNewPin('');
    setError('');
    setOpen(true);
  };
  useEffect(() => {
    if (operator === '') start('');
    else if (operator && operatorHasPin && confirmed() !== operator) start(operator);
  }, [operator, operatorHasPin]);

  const close = () => {
    setOpen(false);
    // a PIN not given: nobody is the operator until someone is chosen
    if (operator && operatorHasPin && confirmed() !== operator) void setOperator('');
  };
  const save = async () => {
    const outcome = await chooseOperator(name, pin, undefined, newPin);
    if (!outcome.ok) return setError(outcome.message);
    confirm(name.trim());
    setOpen(false);
  };
  return (
    <>
      <button type="button" className="operator" onClick={() => start()} data-testid="operator">
        操作员：{operator || '未设置'}
      </button>
      <Dialog
        open={open}
        title="设置操作员"
        onClose={close}
        footer={
          <>
            <Button onClick={close}>取消</Button>
            <Button variant="primary" type="submit" form="operator-form" disabled={!name.trim()}>
              确定
            </Button>
          </>
        }
      >
        <form
          id="operator-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <p className="note">录入评分、测评票数和审定意见时，将记录操作员姓名。第二次录入、复核、核实须由名单中的另一名操作员完成。</p>
          <Field label="操作员姓名" required hint={isNew ? `将把“${name.trim()}”加入操作员名单` : undefined}>
            <input
              autoFocus
              list="operator-names"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setError('');
              }}
              maxLength={30}
            />
          </Field>
          <datalist id="operator-names">
            {operators.map((o) => (
              <option key={o.name} value={o.name} />
            ))}
          </datalist>
          {nameHasPin ? (
            <>
              <Field label="PIN" required error={error || undefined} hint="该操作员设有PIN，请输入。">
                <input type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPinText(e.target.value)} maxLength={20} />
              </Field>
              <Field label="新PIN（可选）" hint="留空则不变。">
                <input
                  type="password"
                  inputMode="numeric"
                  autoComplete="new-password"
                  value={newPin}
                  onChange={(e) => setNewPin(e.target.value)}
                  maxLength={20}
                />
              </Field>
            </>
          ) : (
            <Field label="设置PIN（可选）" error={error || undefined} hint={`至少${PIN_MIN_LENGTH}位。设置后，再选此操作员时须输入PIN。`}>
              <input type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPinText(e.target.value)} maxLength={20} />
            </Field>
          )}
          {operators.length ? <OperatorList operators={operators} current={operator ?? ''} /> : null}
          <p className="note" data-testid="pin-hint">
            操作员和PIN只用于在审计日志中记明“谁做了哪项改动”，便于事后查对，不是安全措施：PIN只防止误选他人姓名，不能防止有意冒用；数据保存在本机，未加密。
          </p>
        </form>
      </Dialog>
    </>
  );
}

/** The operator list, each with a way off it (not the current operator). */
function OperatorList({ operators, current }: { operators: { name: string; pin: boolean }[]; current: string }) {
  return (
    <div className="operator-list" data-testid="operator-list">
      <span className="field-label">操作员名单</span>
      <ul>
        {operators.map((o) => (
          <li key={o.name}>
            {o.name}
            {o.pin ? <span className="muted">（设有PIN）</span> : null}
            {o.name === current ? (
              <span className="muted">（当前）</span>
            ) : (
              <Button variant="ghost" onClick={() => void removeOperator(o.name)} aria-label={`将${o.name}移出名单`}>
                移出名单
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
