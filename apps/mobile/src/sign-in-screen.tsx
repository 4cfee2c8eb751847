import { ApiError } from '@ielts-genai-prep/api-client';
import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { EmailField } from './email-field';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { fieldErrorsOf } from '@ielts-genai-prep/app-kit';
import { ScreenLayout } from './screen-layout';
import { TextField } from './text-field';
import { colors, shared, spacing } from './theme';

const FIELDS = ['email', 'password'] as const;

/** Props of {@link SignInScreen}. */
export interface SignInScreenProps {
  /** Shown above the form: "Your session has ended", "Check your email". */
  notice?: string | undefined;
  /** Fills in the email, after registering. */
  email?: string | undefined;
}

/** Sign in with email and password; the server answers a mobile login with a bearer token. */
export function SignInScreen({ notice, email: initialEmail = '' }: SignInScreenProps) {
  const { signIn, navigation } = useApp();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = fieldErrorsOf(error);
  // A 401 from auth.login is a wrong email or password, not an ended session.
  const wrongCredentials = ApiError.isInstance(error) && error.code === 'unauthorized';

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <ScreenLayout title="Sign in">
      <Text style={shared.body}>Practise IELTS Writing and get band scores with feedback on every criterion.</Text>
      {notice && error === null ? <NoticeBanner>{notice}</NoticeBanner> : null}
      {wrongCredentials ? (
        <View style={styles.wrong} accessible accessibilityRole="alert" accessibilityLiveRegion="assertive">
          <Text style={styles.wrongTitle}>Could not sign in</Text>
          <Text style={shared.body}>{(error as ApiError).message || 'The email or password is incorrect.'}</Text>
        </View>
      ) : error !== null ? (
        <ErrorBanner error={error} fields={FIELDS} />
      ) : null}
      <View style={shared.card}>
        <EmailField value={email} onChangeText={setEmail} error={fieldErrors.email} />
        <TextField
          testID="field-password"
          label="Password"
          value={password}
          onChangeText={setPassword}
          error={fieldErrors.password}
          secureTextEntry
          autoCapitalize="none"
          autoComplete="current-password"
          textContentType="password"
          returnKeyType="go"
          onSubmitEditing={submit}
        />
        <Button label={busy ? 'Signing in…' : 'Sign in'} onPress={submit} busy={busy} />
        <Button
          label="Forgot your password?"
          variant="link"
          onPress={() => navigation.push({ name: 'forgot-password', email: email.trim() })}
        />
      </View>
      <View style={styles.links}>
        <Text style={shared.muted}>New here?</Text>
        <Button label="Create an account" variant="link" onPress={() => navigation.push({ name: 'register' })} />
      </View>
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  wrong: {
    backgroundColor: colors.dangerSurface,
    borderColor: colors.danger,
    borderWidth: 1,
    borderRadius: 10,
    padding: spacing.md,
    gap: spacing.xs,
  },
  wrongTitle: { fontSize: 16, fontWeight: '700', color: colors.danger },
  links: { flexDirection: 'row', alignItems: 'center', justifyContent: 'center', gap: spacing.xs },
});
