import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { fieldErrorsOf } from './error-text';
import { NewPasswordFields } from './new-password-fields';
import { ScreenLayout } from './screen-layout';
import { colors, shared } from './theme';

/** Props of {@link ResetPasswordScreen}. */
export interface ResetPasswordScreenProps {
  /** The token from the emailed link. */
  token: string;
}

/** Shown once the new password is set. */
export const PASSWORD_RESET_DONE = 'Your password has been changed, and you have been signed out everywhere. Sign in with your new password.';

/**
 * Opened by the reset link in the email (`ielts-genai-prep://reset-password?token=…`): choose a
 * new password. The server ends every session of the account, this one included, so the app
 * forgets its token too and sends the learner to sign in.
 */
export function ResetPasswordScreen({ token }: ResetPasswordScreenProps) {
  const { client, navigation, forgetSession } = useApp();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error);

  const submit = async () => {
    setError(null);
    if (password !== confirmation) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await client.auth.confirmPasswordReset({ token, password });
      await forgetSession();
      navigation.reset({ name: 'sign-in', notice: PASSWORD_RESET_DONE });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <ScreenLayout title="Choose a new password" onBack={navigation.canGoBack && !busy ? navigation.back : undefined}>
      {error !== null ? <ErrorBanner error={error} fields={['password', 'token']} /> : null}
      {fieldErrors.token ? (
        <View style={shared.card}>
          <Text style={styles.problem}>This reset link cannot be used: it {fieldErrors.token}.</Text>
          <Button label="Ask for a new link" variant="secondary" onPress={() => navigation.replace({ name: 'forgot-password' })} />
        </View>
      ) : null}
      <View style={shared.card}>
        <NewPasswordFields
          field="password"
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          error={fieldErrors.password}
          mismatch={mismatch}
        />
        <Button label={busy ? 'Saving…' : 'Set new password'} onPress={() => void submit()} busy={busy} disabled={password === ''} />
      </View>
      <NoticeBanner>Setting a new password signs you out on every device.</NoticeBanner>
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  problem: { fontSize: 15, lineHeight: 21, color: colors.danger },
});
