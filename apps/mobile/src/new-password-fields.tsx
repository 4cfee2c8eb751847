import { TextField } from './text-field';

/** Said under the confirmation when it differs from the new password. */
export const PASSWORDS_DIFFER = 'The passwords do not match';

/** Props of {@link NewPasswordFields}. */
export interface NewPasswordFieldsProps {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  /** The server's problem with the new password (too short, too common). */
  error?: string | undefined;
  /** The two differ and the learner tried to save. */
  mismatch: boolean;
  /** The field path the server names the new password by, for its test id (`password`, `new_password`). */
  field: string;
}

/** A new password typed twice, with the server's rule under the first and a mismatch under the second. */
export function NewPasswordFields({ password, confirmation, onPassword, onConfirmation, error, mismatch, field }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        testID={`field-${field}`}
        label="New password"
        value={password}
        onChangeText={onPassword}
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
        value={confirmation}
        onChangeText={onConfirmation}
        error={mismatch ? PASSWORDS_DIFFER : undefined}
        secureTextEntry
        autoCapitalize="none"
        autoComplete="new-password"
        textContentType="newPassword"
      />
    </>
  );
}
