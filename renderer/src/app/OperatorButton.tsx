import { useEffect, useState } from 'react';
import { Button, Dialog, Field } from '../ui';
import { useOperator } from './operator';

/** The operator's name in the header; click to change it. Asks for it when none is set. */
export function OperatorButton() {
  const { operator, setOperator } = useOperator();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  useEffect(() => {
    if (operator === '') setOpen(true);
  }, [operator]);
  const start = () => {
    setName(operator ?? '');
    setOpen(true);
  };
  const save = async () => {
    if (!name.trim()) return;
    await setOperator(name);
    setOpen(false);
  };
  return (
    <>
      <button type="button" className="operator" onClick={start} data-testid="operator">
        操作员：{operator || '未设置'}
      </button>
      <Dialog
        open={open}
        title="设置操作员"
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>取消</Button>
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
          <p className="note">录入评分、测评票数和审定意见时，将记录操作员姓名。</p>
          <Field label="操作员姓名" required>
            <input autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={30} />
          </Field>
        </form>
      </Dialog>
    </>
  );
}
