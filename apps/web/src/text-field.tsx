import { useId, type InputHTMLAttributes } from 'react';
import { errorSentence } from '@ielts-genai-prep/app-kit';

/** Props of {@link TextField}. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The problem to show next to the field. */
  error?: string | undefined;
  hint?: string;
}

/**
 * A labelled input with its hint and error wired up for screen readers. A plain text input by
 * default: an input without a `type` would miss the styles of the other fields.
 */
export function TextField({ label, value, onChange, error, hint, id, type = 'text', ...rest }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={inputId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        type={type}
        {...rest}
      />
      {error && (
        <p className="field-error" id={errorId}>
          {/* "must be at least 8 characters" next to "Password" reads as "Password must be at least 8 characters." */}
          {errorSentence(label.replace(/\s*\(.*\)$/, ''), error)}
        </p>
      )}
    </div>
  );
}
