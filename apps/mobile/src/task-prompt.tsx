import type { PublicQuestion } from '@ielts-genai-prep/core';
import { StyleSheet, Text, View } from 'react-native';
import { ChartView } from './chart-view';
import { colors, shared, spacing } from './theme';

/** A prompt cut into what to show: paragraphs and the bullet lines between them. */
export type PromptPart = { paragraph: string } | { bullets: string[] };

/** Splits a prompt at blank lines; lines starting with `•`, `-` or `*` become bullets. */
export function promptParts(prompt: string): PromptPart[] {
  const parts: PromptPart[] = [];
  let lines: string[] = [];
  const endParagraph = () => {
    if (lines.length > 0) parts.push({ paragraph: lines.join('\n') });
    lines = [];
  };
  for (const line of prompt.split(/\r?\n/)) {
    const bullet = /^\s*[•*-]\s+(.*)$/.exec(line);
    if (bullet) {
      endParagraph();
      const previous = parts.at(-1);
      if (previous && 'bullets' in previous) previous.bullets.push(bullet[1]!.trim());
      else parts.push({ bullets: [bullet[1]!.trim()] });
    } else if (line.trim() === '') {
      endParagraph();
    } else {
      lines.push(line.trim());
    }
  }
  endParagraph();
  return parts;
}

function Bullets({ items, testID }: { items: readonly string[]; testID?: string }) {
  return (
    <View style={styles.bullets} testID={testID}>
      {items.map((item, index) => (
        <Text key={index} style={shared.body}>
          {`• ${item}`}
        </Text>
      ))}
    </View>
  );
}

/**
 * A writing task as the candidate reads it: the prompt's paragraphs, its chart drawn from the data
 * (Academic Task 1), and a General Training letter's points. When the prompt lists the points
 * itself they are shown there, once.
 */
export function TaskPrompt({ question }: { question: PublicQuestion }) {
  const parts = promptParts(question.prompt);
  const listsPoints = parts.some((part) => 'bullets' in part);
  return (
    <View style={styles.prompt}>
      {parts.map((part, index) =>
        'paragraph' in part ? (
          <Text key={index} style={shared.body} selectable>
            {part.paragraph}
          </Text>
        ) : (
          <Bullets key={index} items={part.bullets} testID={question.letter_points.length > 0 ? 'letter-points' : undefined} />
        ),
      )}
      {question.letter_points.length > 0 && !listsPoints ? (
        <View style={styles.points}>
          <Text style={styles.pointsTitle}>In your letter:</Text>
          <Bullets items={question.letter_points} testID="letter-points" />
        </View>
      ) : null}
      {question.chart ? <ChartView chart={question.chart} /> : null}
    </View>
  );
}

const styles = StyleSheet.create({
  prompt: { gap: spacing.md },
  bullets: { gap: spacing.xs, paddingLeft: spacing.sm },
  points: { gap: spacing.xs },
  pointsTitle: { fontSize: 15, fontWeight: '600', color: colors.text },
});
