import type { Assessment } from '@ielts-genai-prep/core';
import { useApp } from './app-context';
import { Button } from './button';
import { ResultView } from './result-view';
import { ScreenLayout } from './screen-layout';

/** Props of {@link ResultScreen}. */
export interface ResultScreenProps {
  /** The result, just scored or picked from a list (the lists carry whole assessments). */
  assessment: Assessment;
}

/** One result, with a way back home. */
export function ResultScreen({ assessment }: ResultScreenProps) {
  const { navigation } = useApp();
  return (
    <ScreenLayout title="Your result" onBack={navigation.back}>
      <ResultView assessment={assessment} />
      <Button label="Back to home" variant="secondary" onPress={() => navigation.reset({ name: 'home' })} />
    </ScreenLayout>
  );
}
