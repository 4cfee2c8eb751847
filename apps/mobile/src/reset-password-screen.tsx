import { StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { fieldErrorsOf } from '@ielts-genai-prep/app-kit';
import { NewPasswordFields, useNewPassword } from './new-password-fields';
import { ScreenLayout } from './screen-layout';
import { colors, shared } from './theme';
import { useAction } from './use-action';

/** Props of {@link ResetPasswordScreen}. */
export interface ResetPasswordScreenProps {
  /** The token from the emailed link. */
  token: string;
}

/** Shown once the new password is set. */
export const PASSWORD_RESET_DONE =
  'Your password has been changed, and you have been signed out everywhere. Sign in with your new password.';

/**
 * Opened by the reset link in the email (`ielts-genai-prep://reset-password?token=…`): choose a
 * new password. The server ends every session of the account, this one included, so the app
 * forgets its token too and sends the learner to sign in.
 */
export function ResetPasswordScreen({ token }: ResetPasswordScreenProps) {
  const { client, navigation, forgetSession } = useApp();
  const fresh = useNewPassword();
  const save = useAction(async () => {
    await client.auth.confirmPasswordReset({ token, password: fresh.password });
    await forgetSession();
    navigation.reset({ name: 'sign-in', notice: PASSWORD_RESET_DONE });
  });
  const fieldErrors = fieldErrorsOf(save.error);

  return (
    <ScreenLayout title="Choose a new password" onBack={navigation.canGoBack && !save.busy ? navigation.back : undefined}>
      {save.error !== null ? <ErrorBanner error={save.error} fields={['password', 'token']} /> : null}
      {fieldErrors.token ? (
        <View style={shared.card}>
          <Text style={styles.problem}>This reset link cannot be used: it {fieldErrors.token}.</Text>
          <Button label="Ask for a new link" variant="secondary" onPress={() => navigation.replace({ name: 'forgot-password' })} />
        </View>
      ) : null}
      <View style={shared.card}>
        <NewPasswordFields field="password" value={fresh} error={fieldErrors.password} />
        <Button
          label={save.busy ? 'Saving…' : 'Set new password'}
          onPress={() => fresh.matches() && void save.run()}
          busy={save.busy}
          disabled={fresh.password === ''}
        />
      </View>
      <NoticeBanner>Setting a new password signs you out on every device.</NoticeBanner>
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  problem: { fontSize: 15, lineHeight: 21, color: colors.danger },
});
