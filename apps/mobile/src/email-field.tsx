import { TextField, type TextFieldProps } from './text-field';

/** Props of {@link EmailField}. */
export type EmailFieldProps = Pick<TextFieldProps, 'value' | 'onChangeText' | 'error' | 'onSubmitEditing' | 'returnKeyType'>;

/** The email address field of the account screens: labelled "Email", no capitals, the email keyboard and autofill. */
export function EmailField(props: EmailFieldProps) {
  return (
    <TextField
      testID="field-email"
      label="Email"
      autoCapitalize="none"
      autoComplete="email"
      keyboardType="email-address"
      textContentType="emailAddress"
      {...props}
    />
  );
}
