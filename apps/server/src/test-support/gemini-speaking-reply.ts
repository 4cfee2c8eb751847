import { startLoopbackServer } from './loopback-server.js';

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

/** A Gemini stand-in on loopback that answers every speaking request with {@link geminiSpeakingReply}. */
export interface GeminiSpeakingStandIn {
  /** The base URL to give the server as `GEMINI_BASE_URL`. */
  url: string;
  /** Every request body received, in order. */
  calls: string[];
  close(): Promise<void>;
}

/** Starts a stand-in that speaks Gemini's `generateContent` wire format and keeps every request body. */
export async function startGeminiSpeakingStandIn(): Promise<GeminiSpeakingStandIn> {
  const calls: string[] = [];
  const server = await startLoopbackServer((request, response) => {
    calls.push(request.body);
    response.setHeader('content-type', 'application/json');
    response.end(geminiSpeakingReply(request.body));
  });
  return { url: server.url, calls, close: server.close };
}
