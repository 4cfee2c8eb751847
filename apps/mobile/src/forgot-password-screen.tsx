import { useState } from 'react';
import { Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { fieldErrorsOf } from './error-text';
import { ScreenLayout } from './screen-layout';
import { TextField } from './text-field';
import { shared } from './theme';

/** Props of {@link ForgotPasswordScreen}. */
export interface ForgotPasswordScreenProps {
  /** Filled in from the sign-in screen. */
  email?: string | undefined;
}

/**
 * Asks for a password reset link. The server answers the same whether or not the address has an
 * account, so the screen shows its answer as it is.
 */
export function ForgotPasswordScreen({ email: initialEmail = '' }: ForgotPasswordScreenProps) {
  const { client, navigation } = useApp();
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setMessage((await client.auth.requestPasswordReset({ email: email.trim() })).message);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ScreenLayout title="Reset your password" onBack={navigation.canGoBack ? navigation.back : undefined}>
      {message ? (
        <View style={shared.card}>
          <NoticeBanner>{message}</NoticeBanner>
          <Text style={shared.body}>Open the link in the email on this phone to choose a new password.</Text>
          <Button label="Back to sign in" variant="secondary" onPress={() => navigation.reset({ name: 'sign-in', email: email.trim() })} />
        </View>
      ) : (
        <>
          <Text style={shared.body}>Enter the email address you registered with and we will send you a link to choose a new password.</Text>
          {error !== null ? <ErrorBanner error={error} fields={['email']} onRetry={() => void submit()} /> : null}
          <View style={shared.card}>
            <TextField
              testID="field-email"
              label="Email"
              value={email}
              onChangeText={setEmail}
              error={fieldErrors.email}
              autoCapitalize="none"
              autoComplete="email"
              keyboardType="email-address"
              textContentType="emailAddress"
              returnKeyType="send"
              onSubmitEditing={() => void submit()}
            />
            <Button label={busy ? 'Sending…' : 'Send reset link'} onPress={() => void submit()} busy={busy} disabled={email.trim() === ''} />
          </View>
        </>
      )}
    </ScreenLayout>
  );
}
