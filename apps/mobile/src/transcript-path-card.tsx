import { Text, View } from 'react-native';
import type { SpeakingSetupState } from './speaking-setup';
import { shared } from './theme';
import { describeTranscriptPath } from './transcript-path';

/** Tells the learner how their spoken answers become words for the scorer. */
export function TranscriptPathCard({ state }: { state: SpeakingSetupState }) {
  if (state.loading) return null;
  const text = describeTranscriptPath(state.path, state.setup);
  return (
    <View style={shared.card} testID="transcript-path" accessible>
      <Text style={shared.heading}>{text.title}</Text>
      <Text style={shared.muted}>{text.description}</Text>
    </View>
  );
}
