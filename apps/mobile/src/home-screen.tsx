import {
  ASSESSMENT_TYPES,
  ASSESSMENT_TYPE_NAMES,
  READING_ASSESSMENT_TYPES,
  WRITING_ASSESSMENT_TYPES,
  type AssessmentSummary,
} from '@ielts-genai-prep/core';
import { useState } from 'react';
import { ActivityIndicator, StyleSheet, Text, View } from 'react-native';
import { AssessmentRow } from './assessment-row';
import { useApp } from './app-context';
import { Button } from './button';
import { ErrorBanner, NoticeBanner } from './error-banner';
import { ScreenLayout } from './screen-layout';
import { colors, shared } from './theme';
import { useAction } from './use-action';
import { useApiData } from './use-api-data';

const RECENT_RESULTS = 5;

/** Shown on home until the address is confirmed: the free assessments wait for it. */
export const CONFIRM_EMAIL_NOTICE = 'Please confirm your email address: your free assessments start once you open the link we emailed you.';

/** Asks an unconfirmed learner to open the emailed link, and sends it again on request. */
function ConfirmEmailCard() {
  const { client } = useApp();
  const [sentMessage, setSentMessage] = useState<string | null>(null);
  const resend = useAction(async () => setSentMessage((await client.auth.resendVerification()).message));
  return (
    <View style={shared.card} testID="confirm-email">
      <NoticeBanner>{CONFIRM_EMAIL_NOTICE}</NoticeBanner>
      {sentMessage !== null ? (
        <Text style={shared.body}>{sentMessage}</Text>
      ) : (
        <Button
          label={resend.busy ? 'Sending…' : 'Send the link again'}
          variant="secondary"
          onPress={() => void resend.run()}
          busy={resend.busy}
        />
      )}
      {resend.error !== null ? <ErrorBanner error={resend.error} onRetry={() => void resend.run()} /> : null}
    </View>
  );
}

/** The home screen: assessments left per type, recent results, and the way into practice. */
export function HomeScreen() {
  const { client, user, navigation, signOut } = useApp();
  const entitlements = useApiData(['entitlements'], (signal) => client.entitlements.get({ signal }));
  const recent = useApiData(['assessments', { limit: RECENT_RESULTS }], (signal) =>
    client.assessments.list({ limit: RECENT_RESULTS }, { signal }),
  );
  const refresh = () => {
    entitlements.reload();
    recent.reload();
  };
  const allowances = [...(entitlements.data?.entitlements ?? [])].sort(
    (a, b) => ASSESSMENT_TYPES.indexOf(a.assessment_type) - ASSESSMENT_TYPES.indexOf(b.assessment_type),
  );
  const leftOf = (type: string) => allowances.find((entitlement) => entitlement.assessment_type === type)?.remaining;
  const open = (assessment: AssessmentSummary) =>
    navigation.push(
      assessment.assessment_type === 'speaking' && !assessment.completed
        ? { name: 'speaking-session', assessmentId: assessment.assessment_id }
        : { name: 'saved-result', assessmentId: assessment.assessment_id },
    );

  return (
    <ScreenLayout
      title={user?.display_name ? `Hello, ${user.display_name}` : 'Your practice'}
      onRefresh={refresh}
      refreshing={entitlements.loading && entitlements.data !== undefined}
    >
      {user && !user.email_verified ? <ConfirmEmailCard /> : null}
      <View style={shared.card}>
        <Text style={shared.heading}>Writing</Text>
        <Text style={shared.muted}>
          Task 1: describe a chart (Academic) or write a letter (General Training), at least 150 words in 20 minutes. Task 2: an essay of at
          least 250 words in 40 minutes. Scored on the four IELTS criteria.
        </Text>
        {WRITING_ASSESSMENT_TYPES.map((type) => (
          <Button
            key={type}
            label={`Practise ${ASSESSMENT_TYPE_NAMES[type]}`}
            variant={type === 'writing_task2' ? 'primary' : 'secondary'}
            onPress={() => navigation.push({ name: 'writing-questions', type })}
            hint={leftOf(type) === 0 ? `You have no ${ASSESSMENT_TYPE_NAMES[type]} assessments left` : undefined}
          />
        ))}
      </View>

      <View style={shared.card}>
        <Text style={shared.heading}>Reading</Text>
        <Text style={shared.muted}>Three passages and 40 questions in 60 minutes, marked against the key.</Text>
        {READING_ASSESSMENT_TYPES.map((type) => (
          <Button
            key={type}
            label={`Practise ${ASSESSMENT_TYPE_NAMES[type]}`}
            variant={type === 'reading_academic' ? 'primary' : 'secondary'}
            onPress={() => navigation.push({ name: 'reading-tests', type })}
            hint={leftOf(type) === 0 ? `You have no ${ASSESSMENT_TYPE_NAMES[type]} assessments left` : undefined}
          />
        ))}
      </View>

      <View style={shared.card}>
        <Text style={shared.heading}>Speaking</Text>
        <Text style={shared.muted}>
          The three-part interview, by voice: the examiner asks aloud and you answer aloud, scored on the four speaking criteria.
        </Text>
        <Button
          label="Practise Speaking"
          onPress={() => navigation.push({ name: 'speaking-sets' })}
          hint={leftOf('speaking') === 0 ? 'You have no Speaking assessments left' : undefined}
        />
      </View>

      <View style={shared.card}>
        <Text style={shared.heading}>Listening</Text>
        <Text style={shared.muted}>Four sections heard by ear and 40 questions, marked against the key.</Text>
        <Button
          label="Practise Listening"
          onPress={() => navigation.push({ name: 'listening-tests' })}
          hint={leftOf('listening') === 0 ? 'You have no Listening assessments left' : undefined}
        />
      </View>

      <View style={shared.card}>
        <Text style={shared.heading} accessibilityRole="header">
          Assessments left
        </Text>
        {entitlements.loading ? <ActivityIndicator accessibilityLabel="Loading your assessments" /> : null}
        {entitlements.error !== null ? <ErrorBanner error={entitlements.error} onRetry={entitlements.reload} /> : null}
        {allowances.map((entitlement) => (
          <View
            key={entitlement.assessment_type}
            style={shared.row}
            accessible
            accessibilityLabel={`${ASSESSMENT_TYPE_NAMES[entitlement.assessment_type]}: ${entitlement.remaining} of ${entitlement.granted} left`}
          >
            <Text style={styles.typeName}>{ASSESSMENT_TYPE_NAMES[entitlement.assessment_type]}</Text>
            <Text style={[styles.remaining, entitlement.remaining === 0 ? styles.noneLeft : null]}>
              {entitlement.remaining === 0 ? 'None left' : `${entitlement.remaining} of ${entitlement.granted} left`}
            </Text>
          </View>
        ))}
      </View>

      <View style={shared.card}>
        <Text style={shared.heading} accessibilityRole="header">
          Recent results
        </Text>
        {recent.loading ? <ActivityIndicator accessibilityLabel="Loading your results" /> : null}
        {recent.error !== null ? <ErrorBanner error={recent.error} onRetry={recent.reload} /> : null}
        {recent.data && recent.data.items.length === 0 ? (
          <Text style={shared.muted}>No results yet: your first essay will appear here.</Text>
        ) : null}
        {recent.data?.items.map((assessment) => (
          <AssessmentRow key={assessment.assessment_id} assessment={assessment} onPress={open} />
        ))}
        {recent.data && recent.data.items.length > 0 ? (
          <Button label="All results" variant="secondary" onPress={() => navigation.push({ name: 'history' })} />
        ) : null}
      </View>

      <View style={shared.card}>
        <Text style={shared.heading} accessibilityRole="header">
          Your account
        </Text>
        {user ? <Text style={shared.muted}>{user.email}</Text> : null}
        <Button label="Change password" variant="secondary" onPress={() => navigation.push({ name: 'change-password' })} />
        <Button label="Sign out" variant="link" onPress={() => void signOut()} />
      </View>
    </ScreenLayout>
  );
}

const styles = StyleSheet.create({
  typeName: { flex: 1, fontSize: 15, color: colors.text },
  remaining: { fontSize: 15, fontWeight: '600', color: colors.text },
  noneLeft: { color: colors.warning },
});
