/**
 * What a Gemini stand-in answers to a speaking `generateContent` request: a band 6 assessment in
 * Gemini's wire format, with Pronunciation when the request carried audio (`inlineData`), as the
 * real model does. The server's provider tests share it so the answer is written once.
 */
export function geminiSpeakingReply(requestBody: string): string {
  const criterion = (band: number, feedback: string) => ({ band, feedback });
  const answer = {
    ...(requestBody.includes('inlineData')
      ? {
          pronunciation: criterion(6.5, 'Mostly clear, with some misplaced word stress.'),
          transcription_confidence: 0.92,
          audio_unclear: false,
        }
      : {}),
    fluency_coherence: criterion(6, 'You speak at length with some hesitation.'),
    lexical_resource: criterion(6, 'Adequate vocabulary for the topics.'),
    grammatical_range_accuracy: criterion(5.5, 'Frequent errors in complex sentences.'),
    summary: 'A band 6 performance.',
    injection_detected: false,
  };
  return JSON.stringify({
    candidates: [{ content: { role: 'model', parts: [{ text: JSON.stringify(answer) }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 3000, candidatesTokenCount: 400, totalTokenCount: 3400 },
    modelVersion: 'gemini-2.5-flash-lite',
  });
}
