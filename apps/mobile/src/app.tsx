import { ApiError } from '@ielts-genai-prep/api-client';
import type { PublicUser } from '@ielts-genai-prep/core';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ActivityIndicator, Linking, StatusBar, StyleSheet, View } from 'react-native';
import { SafeAreaProvider, initialWindowMetrics, type Metrics } from 'react-native-safe-area-context';
import { AppContextProvider, type AppContextValue } from './app-context';
import { createQueryClient, followAppState } from './query-client';
import { createMemoryDraftStore, type DraftStore } from './draft-store';
import { Button } from './button';
import { ChangePasswordScreen } from './change-password-screen';
import { parseDeepLink, type DeepLink } from './deep-link';
import { ErrorBanner } from './error-banner';
import { ForgotPasswordScreen } from './forgot-password-screen';
import { HistoryScreen } from './history-screen';
import { HomeScreen } from './home-screen';
import { ListeningTestScreen } from './listening-test-screen';
import { ListeningTestsScreen } from './listening-tests-screen';
import type { MobileClient } from './mobile-client';
import { useNavigation, type Route } from './navigation';
import { ReadingTestScreen } from './reading-test-screen';
import { ReadingTestsScreen } from './reading-tests-screen';
import { RegisterScreen } from './register-screen';
import { ResetPasswordScreen } from './reset-password-screen';
import { ResultScreen, SavedResultScreen } from './result-screen';
import { ScreenLayout } from './screen-layout';
import { SignInScreen } from './sign-in-screen';
import { SpeakingSessionScreen } from './speaking-session-screen';
import { SpeakingSetsScreen } from './speaking-sets-screen';
import { colors } from './theme';
import { VerifyEmailScreen } from './verify-email-screen';
import { WritingQuestionsScreen } from './writing-questions-screen';
import { WritingTaskScreen } from './writing-task-screen';

/** Shown on the sign-in screen after the server refused the stored token. */
export const SESSION_ENDED_NOTICE = 'Your session has ended. Please sign in again.';

/** Props of {@link App}. */
export interface AppProps {
  /** The API client and token store (see `createMobileClient`). */
  mobileClient: MobileClient;
  /** Safe-area insets before the first layout. Default: the device's; tests pass fixed ones. */
  safeAreaMetrics?: Metrics | null;
  /** Where unfinished essays are kept. Default: memory (lost on restart); index.tsx passes files on a device. */
  draftStore?: DraftStore;
}

type SessionState = { status: 'restoring' } | { status: 'restore-failed'; error: unknown } | { status: 'ready'; user: PublicUser | null };

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'sign-in':
      return <SignInScreen notice={route.notice} email={route.email} />;
    case 'register':
      return <RegisterScreen />;
    case 'verify-email':
      return <VerifyEmailScreen key={route.token} token={route.token} />;
    case 'forgot-password':
      return <ForgotPasswordScreen email={route.email} />;
    case 'reset-password':
      return <ResetPasswordScreen key={route.token} token={route.token} />;
    case 'change-password':
      return <ChangePasswordScreen />;
    case 'home':
      return <HomeScreen />;
    case 'writing-questions':
      return <WritingQuestionsScreen key={route.type} type={route.type} />;
    case 'writing-task':
      return <WritingTaskScreen key={route.questionId} questionId={route.questionId} />;
    case 'speaking-sets':
      return <SpeakingSetsScreen />;
    case 'speaking-session':
      return <SpeakingSessionScreen key={route.assessmentId} assessmentId={route.assessmentId} />;
    case 'reading-tests':
      return <ReadingTestsScreen key={route.type} type={route.type} />;
    case 'reading-test':
      return <ReadingTestScreen key={route.questionId} questionId={route.questionId} />;
    case 'listening-tests':
      return <ListeningTestsScreen />;
    case 'listening-test':
      return <ListeningTestScreen key={route.questionId} questionId={route.questionId} />;
    case 'result':
      return <ResultScreen assessment={route.assessment} question={route.question} />;
    case 'saved-result':
      return <SavedResultScreen key={route.assessmentId} assessmentId={route.assessmentId} />;
    case 'history':
      return <HistoryScreen />;
  }
}

function Session({ mobileClient, draftStore }: { mobileClient: MobileClient; draftStore: DraftStore }) {
  const { client, tokenStore } = mobileClient;
  const navigation = useNavigation({ name: 'sign-in' });
  const { reset } = navigation;
  const [session, setSession] = useState<SessionState>({ status: 'restoring' });
  const [attempt, setAttempt] = useState(0);

  // A stored token from an earlier run: ask the server who it belongs to.
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the learner's "Try again": each one restores afresh.
  useEffect(() => {
    let active = true;
    setSession({ status: 'restoring' });
    (async () => {
      const token = await tokenStore.read();
      if (!token) return { status: 'ready', user: null } as const;
      const { user } = await client.auth.me();
      return { status: 'ready', user } as const;
    })().then(
      (restored) => {
        if (!active) return;
        setSession(restored);
        reset(restored.user ? { name: 'home' } : { name: 'sign-in' });
      },
      (error: unknown) => {
        if (!active) return;
        // A refused token was cleared by the client (see createMobileClient): sign in again.
        if (ApiError.isInstance(error) && error.status === 401) {
          setSession({ status: 'ready', user: null });
          reset({ name: 'sign-in', notice: SESSION_ENDED_NOTICE });
        } else {
          setSession({ status: 'restore-failed', error });
        }
      },
    );
    return () => {
      active = false;
    };
  }, [client, tokenStore, reset, attempt]);

  // Links that open the app (the confirmation and reset links from the emails): the one that
  // launched it, and any opened while it runs. Shown once the stored session has been read.
  const [pendingLink, setPendingLink] = useState<DeepLink | null>(null);
  useEffect(() => {
    let active = true;
    const take = (url: string | null | undefined) => {
      const link = url ? parseDeepLink(url) : null;
      if (active && link) setPendingLink(link);
    };
    Linking.getInitialURL().then(take, () => undefined);
    const subscription = Linking.addEventListener('url', (event) => take(event.url));
    return () => {
      active = false;
      subscription.remove();
    };
  }, []);
  const ready = session.status === 'ready';
  const { push } = navigation;
  useEffect(() => {
    if (!pendingLink || !ready) return;
    setPendingLink(null);
    push(
      pendingLink.kind === 'verify-email'
        ? { name: 'verify-email', token: pendingLink.token }
        : { name: 'reset-password', token: pendingLink.token },
    );
  }, [pendingLink, ready, push]);

  // Any signed-in call answered 401: the session ended on the server (expired, signed out elsewhere).
  useEffect(
    () =>
      mobileClient.onUnauthorized(() => {
        setSession({ status: 'ready', user: null });
        reset({ name: 'sign-in', notice: SESSION_ENDED_NOTICE });
      }),
    [mobileClient, reset],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const answer = await client.auth.login({ email, password, client: 'mobile' });
      if (!answer.token) throw new Error('The server did not return a session token for the app.');
      await tokenStore.write(answer.token);
      setSession({ status: 'ready', user: answer.user });
      reset({ name: 'home' });
    },
    [client, tokenStore, reset],
  );

  const signOut = useCallback(async () => {
    try {
      await client.auth.logout();
    } catch {
      // Offline or already ended: the token is forgotten below either way.
    }
    await tokenStore.clear();
    setSession({ status: 'ready', user: null });
    reset({ name: 'sign-in' });
  }, [client, tokenStore, reset]);

  const user = session.status === 'ready' ? session.user : null;
  // One learner's results must never show to the next one on this phone: the cache is emptied when a
  // signed-in learner signs out or the session ends (not before anyone signed in).
  const queryClient = useQueryClient();
  const previousUser = useRef(user);
  useEffect(() => {
    if (previousUser.current && user === null) queryClient.clear();
    previousUser.current = user;
  }, [user, queryClient]);
  const signedIn = user !== null;
  const refreshUser = useCallback(async () => {
    if (!signedIn) return;
    const answer = await client.auth.me();
    setSession({ status: 'ready', user: answer.user });
  }, [client, signedIn]);

  const forgetSession = useCallback(async () => {
    await tokenStore.clear();
    setSession({ status: 'ready', user: null });
  }, [tokenStore]);

  const context = useMemo<AppContextValue>(
    () => ({ client, user, navigation, draftStore, signIn, signOut, refreshUser, forgetSession }),
    [client, user, navigation, draftStore, signIn, signOut, refreshUser, forgetSession],
  );

  if (session.status === 'restoring') {
    return (
      <View style={styles.centered}>
        <ActivityIndicator size="large" color={colors.primary} accessibilityLabel="Starting" />
      </View>
    );
  }
  if (session.status === 'restore-failed') {
    return (
      <AppContextProvider value={context}>
        <ScreenLayout title="IELTS GenAI Prep">
          <ErrorBanner error={session.error} onRetry={() => setAttempt((count) => count + 1)} />
          <Button label="Sign in again" variant="link" onPress={() => void signOut()} />
        </ScreenLayout>
      </AppContextProvider>
    );
  }
  return (
    <AppContextProvider value={context}>
      <Screen route={navigation.current} />
    </AppContextProvider>
  );
}

/** The learner app: restores the stored session, then shows sign-in or home and the screens beyond. */
export function App({ mobileClient, safeAreaMetrics = initialWindowMetrics, draftStore }: AppProps) {
  const [drafts] = useState(() => draftStore ?? createMemoryDraftStore());
  const [queryClient] = useState(createQueryClient);
  useEffect(followAppState, []);
  return (
    <SafeAreaProvider initialMetrics={safeAreaMetrics}>
      <StatusBar barStyle="dark-content" />
      <QueryClientProvider client={queryClient}>
        <Session mobileClient={mobileClient} draftStore={drafts} />
      </QueryClientProvider>
    </SafeAreaProvider>
  );
}

const styles = StyleSheet.create({
  centered: { flex: 1, alignItems: 'center', justifyContent: 'center', backgroundColor: colors.background },
});
