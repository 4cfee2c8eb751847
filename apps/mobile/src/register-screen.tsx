import { useState } from 'react';
import { Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { EmailField } from './email-field';
import { ErrorBanner } from './error-banner';
import { fieldErrorsOf } from '@ielts-genai-prep/app-kit';
import { ScreenLayout } from './screen-layout';
import { TextField } from './text-field';
import { shared } from './theme';

const FIELDS = ['display_name', 'email', 'password'] as const;

/**
 * Create an account. The server answers the same whether or not the address is taken, and emails a
 * confirmation link; the learner can sign in straight away.
 */
export function RegisterScreen() {
  const { client, navigation } = useApp();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const trimmedName = displayName.trim();
      const answer = await client.auth.register({
        email: email.trim(),
        password,
        ...(trimmedName ? { display_name: trimmedName } : {}),
      });
      navigation.reset({ name: 'sign-in', notice: answer.message, email: email.trim() });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <ScreenLayout title="Create an account" onBack={navigation.canGoBack ? navigation.back : undefined}>
      {error !== null ? <ErrorBanner error={error} fields={FIELDS} /> : null}
      <View style={shared.card}>
        <TextField
          testID="field-display_name"
          label="Name (optional)"
          value={displayName}
          onChangeText={setDisplayName}
          error={fieldErrors.display_name}
          autoComplete="name"
          textContentType="name"
        />
        <EmailField value={email} onChangeText={setEmail} error={fieldErrors.email} />
        <TextField
          testID="field-password"
          label="Password"
          value={password}
          onChangeText={setPassword}
          error={fieldErrors.password}
          help="At least 8 characters, and not a common password."
          secureTextEntry
          autoCapitalize="none"
          autoComplete="new-password"
          textContentType="newPassword"
        />
        <Button label={busy ? 'Creating your account…' : 'Create account'} onPress={submit} busy={busy} />
      </View>
      <Text style={shared.muted}>We will email you a link to confirm your address.</Text>
    </ScreenLayout>
  );
}
