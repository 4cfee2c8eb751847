import { useState } from 'react';
import { View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { fieldErrorsOf } from './error-text';
import { NewPasswordFields } from './new-password-fields';
import { ScreenLayout } from './screen-layout';
import { TextField } from './text-field';
import { shared } from './theme';

/** Shown once the password is changed. */
export const PASSWORD_CHANGED = 'Your password has been changed. You stay signed in on this phone; your other devices have been signed out.';

/** Change the password of the signed-in learner; the server ends the account's other sessions. */
export function ChangePasswordScreen() {
  const { client, navigation } = useApp();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
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
      await client.auth.changePassword({ current_password: current, new_password: password });
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ScreenLayout title="Change password" onBack={busy ? undefined : navigation.back}>
      {done ? (
        <View style={shared.card}>
          <NoticeBanner>{PASSWORD_CHANGED}</NoticeBanner>
          <Button label="Back to home" variant="secondary" onPress={() => navigation.reset({ name: 'home' })} />
        </View>
      ) : (
        <>
          {error !== null ? <ErrorBanner error={error} fields={['current_password', 'new_password']} /> : null}
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
            <NewPasswordFields
              field="new_password"
              password={password}
              confirmation={confirmation}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
              error={fieldErrors.new_password}
              mismatch={mismatch}
            />
            <Button label={busy ? 'Saving…' : 'Change password'} onPress={() => void submit()} busy={busy} disabled={current === '' || password === ''} />
          </View>
        </>
      )}
    </ScreenLayout>
  );
}
