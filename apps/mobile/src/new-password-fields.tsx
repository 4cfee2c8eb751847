import { useState } from 'react';
import { TextField } from './text-field';

/** Said under the confirmation when it differs from the new password. */
export const PASSWORDS_DIFFER = 'The passwords do not match';

/** A new password typed twice. */
export interface NewPassword {
  password: string;
  confirmation: string;
  setPassword(value: string): void;
  setConfirmation(value: string): void;
  /** The two differed when last checked. */
  mismatch: boolean;
  /** True when the two are the same; otherwise marks the mismatch. */
  matches(): boolean;
}

/** The state of {@link NewPasswordFields}. */
export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return {
    password,
    confirmation,
    setPassword,
    setConfirmation,
    mismatch,
    matches() {
      const same = password === confirmation;
      setMismatch(!same);
      return same;
    },
  };
}

/** Props of {@link NewPasswordFields}. */
export interface NewPasswordFieldsProps {
  value: NewPassword;
  /** The server's problem with the new password (too short, too common). */
  error?: string | undefined;
  /** The field path the server names the new password by, for its test id (`password`, `new_password`). */
  field: string;
}

/** A new password typed twice, with the server's rule under the first and a mismatch under the second. */
export function NewPasswordFields({ value, error, field }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        testID={`field-${field}`}
        label="New password"
        value={value.password}
        onChangeText={value.setPassword}
        error={error}
        help="At least 8 characters, and not a common password."
        secureTextEntry
        autoCapitalize="none"
        autoComplete="new-password"
        textContentType="newPassword"
      />
      <TextField
        testID="field-confirmation"
        label="Confirm new password"
        value={value.confirmation}
        onChangeText={value.setConfirmation}
        error={value.mismatch ? PASSWORDS_DIFFER : undefined}
        secureTextEntry
        autoCapitalize="none"
        autoComplete="new-password"
        textContentType="newPassword"
      />
    </>
  );
}
