import { useId, type JSX, type ReactNode } from 'react';

/** One input with its label, its help and the validator's faults for it (read by screen readers through aria-describedby). */
export function Field({
  label,
  value,
  onChange,
  errors,
  help,
  name,
  disabled,
  unit,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  errors?: readonly string[] | undefined;
  help?: ReactNode;
  name: string;
  disabled?: boolean;
  unit?: string;
}): JSX.Element {
  const id = useId();
  const bad = errors !== undefined && errors.length > 0;
  return (
    <div className={`field${bad ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {unit ? <span className="unit"> ({unit})</span> : null}
      </label>
      <input
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        inputMode={unit ? 'decimal' : undefined}
        aria-invalid={bad}
        aria-describedby={`${id}-help ${id}-errors`}
        onChange={(e) => onChange(e.target.value)}
      />
      {help ? (
        <small id={`${id}-help`} className="help">
          {help}
        </small>
      ) : null}
      <FieldErrors id={`${id}-errors`} errors={errors} field={name} />
    </div>
  );
}

export function FieldErrors({ id, errors, field }: { id?: string; errors?: readonly string[] | undefined; field: string }): JSX.Element | null {
  if (!errors || errors.length === 0) return null;
  return (
    <ul id={id} className="field-errors" data-field={field}>
      {errors.map((e) => (
        <li key={e} className="error">
          {e}
        </li>
      ))}
    </ul>
  );
}
