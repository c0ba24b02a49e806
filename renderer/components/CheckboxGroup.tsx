interface CheckboxGroupProps<V extends string> {
  legend: string;
  options: readonly V[];
  optionLabel: (value: V) => string;
  value: readonly V[];
  onChange: (next: V[]) => void;
  className?: string;
}

/** A fieldset of checkboxes, one per vocabulary value; the legend names the group. */
export function CheckboxGroup<V extends string>({ legend, options, optionLabel, value, onChange, className }: CheckboxGroupProps<V>) {
  return (
    <fieldset className={className ? `checkbox-group ${className}` : 'checkbox-group'}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="check">
          <input
            type="checkbox"
            checked={value.includes(option)}
            onChange={(event) => {
              const next = event.target.checked ? [...value, option] : value.filter((v) => v !== option);
              onChange(options.filter((o) => next.includes(o)));
            }}
          />
          {optionLabel(option)}
        </label>
      ))}
    </fieldset>
  );
}
