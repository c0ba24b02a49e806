import { useId, type ComponentProps, type ReactNode } from 'react';

type SelectFieldProps = ComponentProps<'select'> & { label: string; hint?: string; children: ReactNode };

/** A labelled select; the label is the field's accessible name. */
export function SelectField({ label, hint, className, children, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...select}>
        {children}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
