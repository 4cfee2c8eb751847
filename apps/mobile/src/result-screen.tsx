import type { Assessment } from '@ielts-genai-prep/core';
import { ActivityIndicator } from 'react-native';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner } from './error-banner';
import { ResultView } from './result-view';
import { ScreenLayout } from './screen-layout';
import { useApiData } from './use-api-data';

/** Props of {@link ResultScreen}. */
export interface ResultScreenProps {
  assessmentId: string;
  /** The assessment when the app already has it; otherwise it is fetched by id. */
  assessment?: Assessment | undefined;
}

/** One result, from the list it was opened from or fetched from the API. */
export function ResultScreen({ assessmentId, assessment }: ResultScreenProps) {
  const { client, navigation } = useApp();
  const fetched = useApiData(
    (signal) => (assessment ? Promise.resolve(assessment) : client.assessments.get({ id: assessmentId }, { signal })),
    [client, assessmentId, assessment],
  );
  return (
    <ScreenLayout title="Your result" onBack={navigation.back}>
      {fetched.loading ? <ActivityIndicator accessibilityLabel="Loading the result" /> : null}
      {fetched.error !== null ? <ErrorBanner error={fetched.error} onRetry={fetched.reload} /> : null}
      {fetched.data ? <ResultView assessment={fetched.data} /> : null}
      <Button label="Back to home" variant="secondary" onPress={() => navigation.reset({ name: 'home' })} />
    </ScreenLayout>
  );
}
