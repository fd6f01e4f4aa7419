import type { ReactNode } from 'react';

/** A labelled form control; the label wraps the control, so clicking it focuses the control. */
export function Field({
  label,
  hint,
  error,
  required,
  wide,
  children,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={`field${error ? ' field-invalid' : ''}${wide ? ' field-wide' : ''}`}>
      <span className="field-label">
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : null}
      </span>
      {children}
      {hint && !error ? <span className="field-hint">{hint}</span> : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}
