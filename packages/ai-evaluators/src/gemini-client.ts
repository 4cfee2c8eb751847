// The slice of `@google/genai` the evaluators use, written structurally so that this package
// needs no runtime import of the SDK (an optional peer dependency): a `GoogleGenAI` instance
// satisfies `GeminiClient` as it is.

/** A part of a Gemini message: text, or inline data such as audio. */
export interface GeminiPart {
  text?: string;
  inlineData?: { mimeType?: string; data?: string };
  /** True on a thinking model's thought summary, which is not the answer. */
  thought?: boolean;
}

/** A Gemini message. */
export interface GeminiContent {
  role?: string;
  parts?: GeminiPart[];
}

/** The generation settings the evaluators send. */
export interface GeminiGenerateContentConfig {
  systemInstruction?: string;
  temperature?: number;
  maxOutputTokens?: number;
  responseMimeType?: string;
  responseJsonSchema?: unknown;
  abortSignal?: AbortSignal;
}

/** The parameters of `models.generateContent`. */
export interface GeminiGenerateContentParameters {
  model: string;
  contents: GeminiContent[];
  config?: GeminiGenerateContentConfig;
}

/** Tokens of one modality (TEXT, AUDIO, …). */
export interface GeminiModalityTokenCount {
  modality?: string;
  tokenCount?: number;
}

/** What `models.generateContent` resolves to, as far as the evaluators read it. */
export interface GeminiGenerateContentResponse {
  candidates?: Array<{ content?: GeminiContent; finishReason?: string; finishMessage?: string }>;
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
  usageMetadata?: {
    promptTokenCount?: number;
    candidatesTokenCount?: number;
    thoughtsTokenCount?: number;
    totalTokenCount?: number;
    promptTokensDetails?: GeminiModalityTokenCount[];
  };
  modelVersion?: string;
  responseId?: string;
}

/** A Gemini client: a `GoogleGenAI` instance from `@google/genai`, or anything with the same `models.generateContent`. */
export interface GeminiClient {
  models: {
    generateContent(parameters: GeminiGenerateContentParameters): Promise<GeminiGenerateContentResponse>;
  };
}
