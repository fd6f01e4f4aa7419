import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';

type ControlProps = { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean };

/**
 * A labelled form control: the label names the control (htmlFor), and the hint or
 * error describes it (aria-describedby), so screen readers and tests find it by label.
 */
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
  /** one control element (input, select, textarea) */
  children: ReactNode;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  let control = children;
  let controlId = id;
  if (isValidElement(children)) {
    const element = children as ReactElement<ControlProps>;
    controlId = element.props.id ?? id;
    const extra: ControlProps = { id: controlId };
    if (note) extra['aria-describedby'] = noteId;
    if (error) extra['aria-invalid'] = true;
    control = cloneElement(element, extra);
  }
  return (
    <div className={`field${error ? ' field-invalid' : ''}${wide ? ' field-wide' : ''}`}>
      <label className="field-label" htmlFor={controlId}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {control}
      {hint && !error ? (
        <span className="field-hint" id={noteId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={noteId} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
