import { useId, useState, type ComponentProps } from 'react';

type FilterTextProps = Omit<ComponentProps<'input'>, 'onChange' | 'value'> & {
  /** Accessible name, e.g. "Event date from". */
  label: string;
  /** Short visible caption, e.g. "From". */
  caption: string;
  value: string;
  onChange: (value: string) => void;
  invalidText?: string | null;
};

/** A filter text box: short caption on screen, the full name for assistive technology and tests. */
export function FilterText({ label, caption, value, onChange, invalidText, className, ...input }: FilterTextProps) {
  const id = useId();
  // Half-typed values are normal: complain only once the person has moved on.
  const [editing, setEditing] = useState(false);
  const shownError = editing ? null : invalidText;
  return (
    <div className={className ? `filter ${className}` : 'filter'}>
      <label className="filter-caption" htmlFor={id}>
        {caption}
      </label>
      <input
        id={id}
        type="text"
        aria-label={label}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={shownError ? `${id}-error` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...input}
        onFocus={() => setEditing(true)}
        onBlur={() => setEditing(false)}
      />
      {shownError ? (
        <span id={`${id}-error`} className="filter-error" role="alert">
          {shownError}
        </span>
      ) : null}
    </div>
  );
}
