import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDismiss } from './use-dismiss';

interface MultiSelectProps<V extends string> {
  /** The accessible name of the button, e.g. "Filter by status". */
  label: string;
  /** The short visible caption above it, e.g. "Status". */
  caption: string;
  options: readonly V[];
  optionLabel: (value: V) => string;
  value: readonly V[];
  onChange: (next: V[]) => void;
}

/** A compact button that opens a list of checkboxes; an empty choice means "any". */
export function MultiSelect<V extends string>({ label, caption, options, optionLabel, value, onChange }: MultiSelectProps<V>) {
  const { t } = useTranslation();
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback((reason: 'outside' | 'escape') => {
    setOpen(false);
    if (reason === 'escape') buttonRef.current?.focus();
  }, []);
  useDismiss(rootRef, open, close);

  const summary =
    value.length === 0
      ? t('filters.any')
      : value.length === 1
        ? optionLabel(value[0]!)
        : t('filters.selected', { count: value.length });

  const toggle = (option: V, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    onChange(options.filter((o) => next.includes(o)));
  };

  return (
    <div className="filter multi-select" ref={rootRef}>
      <label className="filter-caption" htmlFor={`${id}-button`} id={`${id}-caption`}>
        {caption}
      </label>
      <button
        ref={buttonRef}
        id={`${id}-button`}
        type="button"
        className={value.length ? 'multi-select-button is-set' : 'multi-select-button'}
        aria-label={label}
        aria-describedby={`${id}-summary`}
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((current) => !current)}
      >
        <span id={`${id}-summary`} className="multi-select-summary">
          {summary}
        </span>
        <span aria-hidden="true" className="multi-select-caret">
          ▾
        </span>
      </button>
      {open ? (
        <div className="multi-select-popup" role="group" aria-labelledby={`${id}-caption`}>
          {options.map((option) => (
            <label key={option} className="check">
              <input
                type="checkbox"
                checked={value.includes(option)}
                onChange={(event) => toggle(option, event.target.checked)}
              />
              {optionLabel(option)}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}
