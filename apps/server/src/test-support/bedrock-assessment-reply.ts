const criterion = (band: number, feedback: string) => ({ band, feedback });

/**
 * A Bedrock Converse answer (`POST /model/{id}/converse`) in which the model records a writing
 * assessment with its tool: Task Response and Coherence 7, Lexical Resource and Grammar 6.5
 * (overall 6.5), as the server's stand-ins answer a scored essay.
 */
export function bedrockAssessmentReply(): string {
  return JSON.stringify({
    output: {
      message: {
        role: 'assistant',
        content: [
          {
            toolUse: {
              toolUseId: 'tool-1',
              name: 'record_assessment',
              input: {
                criteria: {
                  task_response: criterion(7, 'You answer the question fully and give a clear position throughout.'),
                  coherence_cohesion: criterion(7, 'Paragraphs are well organised and linked.'),
                  lexical_resource: criterion(6.5, 'A good range of vocabulary with a few awkward choices.'),
                  grammatical_range_accuracy: criterion(6.5, 'A mix of complex structures with occasional errors.'),
                },
                summary: 'A well-argued essay. Work on precision of vocabulary.',
                corrections: [],
                essay_instructions: [],
              },
            },
          },
        ],
      },
    },
    stopReason: 'tool_use',
    usage: { inputTokens: 1200, outputTokens: 300, totalTokens: 1500 },
    metrics: { latencyMs: 850 },
  });
}
