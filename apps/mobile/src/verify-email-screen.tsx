import { useEffect, useRef, useState } from 'react';
import { ActivityIndicator, Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { ScreenLayout } from './screen-layout';
import { shared } from './theme';
import { useAction } from './use-action';

/** Props of {@link VerifyEmailScreen}. */
export interface VerifyEmailScreenProps {
  /** The token from the emailed link. */
  token: string;
}

/** Shown once the address is confirmed. */
export const EMAIL_CONFIRMED = 'Your email address is confirmed. Thank you!';

/**
 * Opened by the confirmation link in the email (`ielts-genai-prep://verify-email?token=…`):
 * confirms the address with its token, once (a token works once), then reads the signed-in
 * learner again so home stops asking.
 */
export function VerifyEmailScreen({ token }: VerifyEmailScreenProps) {
  const { client, user, navigation, refreshUser } = useApp();
  const [confirmed, setConfirmed] = useState(false);
  const confirm = useAction(async () => {
    await client.auth.verifyEmail({ token });
    setConfirmed(true);
    // The learner's record now says "confirmed"; if it cannot be read now, home reads it later.
    await refreshUser().catch(() => undefined);
  });
  // Sent once, on opening: the token is single-use.
  const sent = useRef(false);
  const { run } = confirm;
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void run();
  }, [run]);
  const state = confirmed ? 'done' : confirm.error !== null ? 'failed' : 'working';
  const error = confirm.error;
  const verify = () => void run();

  const onwards = user
    ? () => navigation.reset({ name: 'home' })
    : () => navigation.reset({ name: 'sign-in', notice: 'Sign in to start practising.' });
  return (
    <ScreenLayout title="Confirm your email" onBack={state === 'working' ? undefined : onwards}>
      {state === 'working' ? <ActivityIndicator accessibilityLabel="Confirming your email address" /> : null}
      {state === 'done' ? (
        <View style={shared.card}>
          <NoticeBanner>{EMAIL_CONFIRMED}</NoticeBanner>
          <Text style={shared.body}>Your free assessments are ready.</Text>
          <Button label={user ? 'Continue' : 'Sign in to start practising'} onPress={onwards} />
        </View>
      ) : null}
      {state === 'failed' ? (
        <View style={shared.card}>
          <ErrorBanner error={error} fields={[]} onRetry={verify} />
          <Text style={shared.body}>
            The link may have expired or been used already.{' '}
            {user ? 'You can ask for a new one on the home screen.' : 'Sign in to ask for a new one.'}
          </Text>
          <Button label={user ? 'Back to home' : 'Sign in'} variant="secondary" onPress={onwards} />
        </View>
      ) : null}
    </ScreenLayout>
  );
}
