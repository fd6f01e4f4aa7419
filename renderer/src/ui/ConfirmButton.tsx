import { useState, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button';
import { Dialog } from './Dialog';

/**
 * A button whose action a person confirms first, in the app's own dialog (not the
 * browser's confirm box): the dialog says what will happen; 取消 leaves everything as it is.
 */
export function ConfirmButton({
  label,
  title,
  children,
  confirmLabel = '确定',
  variant = 'secondary',
  disabled,
  onConfirm,
}: {
  label: string;
  title: string;
  /** what will happen, in words */
  children: ReactNode;
  confirmLabel?: string;
  variant?: ButtonVariant;
  disabled?: boolean;
  onConfirm: () => Promise<unknown> | void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant={variant} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog
        open={open}
        title={title}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>取消</Button>
            <Button variant={variant === 'danger' ? 'danger' : 'primary'} disabled={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </>
        }
      >
        {children}
      </Dialog>
    </>
  );
}
