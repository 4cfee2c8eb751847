import { useState } from 'react';
import { View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { fieldErrorsOf } from '@ielts-genai-prep/app-kit';
import { NewPasswordFields, useNewPassword } from './new-password-fields';
import { ScreenLayout } from './screen-layout';
import { TextField } from './text-field';
import { shared } from './theme';
import { useAction } from './use-action';

/** Shown once the password is changed. */
export const PASSWORD_CHANGED =
  'Your password has been changed. You stay signed in on this phone; your other devices have been signed out.';

/** Change the password of the signed-in learner; the server ends the account's other sessions. */
export function ChangePasswordScreen() {
  const { client, navigation } = useApp();
  const [current, setCurrent] = useState('');
  const fresh = useNewPassword();
  const [changed, setChanged] = useState(false);
  const save = useAction(async () => {
    await client.auth.changePassword({ current_password: current, new_password: fresh.password });
    setChanged(true);
  });
  const fieldErrors = fieldErrorsOf(save.error);

  if (changed) {
    return (
      <ScreenLayout title="Change password" onBack={navigation.back}>
        <View style={shared.card}>
          <NoticeBanner>{PASSWORD_CHANGED}</NoticeBanner>
          <Button label="Back to home" variant="secondary" onPress={() => navigation.reset({ name: 'home' })} />
        </View>
      </ScreenLayout>
    );
  }
  return (
    <ScreenLayout title="Change password" onBack={save.busy ? undefined : navigation.back}>
      {save.error !== null ? <ErrorBanner error={save.error} fields={['current_password', 'new_password']} /> : null}
      <View style={shared.card}>
        <TextField
          testID="field-current_password"
          label="Current password"
          value={current}
          onChangeText={setCurrent}
          error={fieldErrors.current_password}
          secureTextEntry
          autoCapitalize="none"
          autoComplete="current-password"
          textContentType="password"
        />
        <NewPasswordFields field="new_password" value={fresh} error={fieldErrors.new_password} />
        <Button
          label={save.busy ? 'Saving…' : 'Change password'}
          onPress={() => fresh.matches() && void save.run()}
          busy={save.busy}
          disabled={current === '' || fresh.password === ''}
        />
      </View>
    </ScreenLayout>
  );
}
