import { useState } from 'react';
import { Text, View } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { EmailField } from './email-field';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { fieldErrorsOf } from '@ielts-genai-prep/app-kit';
import { ScreenLayout } from './screen-layout';
import { shared } from './theme';
import { useAction } from './use-action';

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
  const [answer, setAnswer] = useState<string | null>(null);
  const request = useAction(async () => setAnswer((await client.auth.requestPasswordReset({ email: email.trim() })).message));
  const send = () => void request.run();

  return (
    <ScreenLayout title="Reset your password" onBack={navigation.canGoBack ? navigation.back : undefined}>
      {answer !== null ? (
        <View style={shared.card}>
          <NoticeBanner>{answer}</NoticeBanner>
          <Text style={shared.body}>Open the link in the email on this phone to choose a new password.</Text>
          <Button label="Back to sign in" variant="secondary" onPress={() => navigation.reset({ name: 'sign-in', email: email.trim() })} />
        </View>
      ) : (
        <>
          <Text style={shared.body}>Enter the email address you registered with and we will send you a link to choose a new password.</Text>
          {request.error !== null ? <ErrorBanner error={request.error} fields={['email']} onRetry={send} /> : null}
          <View style={shared.card}>
            <EmailField
              value={email}
              onChangeText={setEmail}
              error={fieldErrorsOf(request.error).email}
              returnKeyType="send"
              onSubmitEditing={send}
            />
            <Button
              label={request.busy ? 'Sending…' : 'Send reset link'}
              onPress={send}
              busy={request.busy}
              disabled={email.trim() === ''}
            />
          </View>
        </>
      )}
    </ScreenLayout>
  );
}
