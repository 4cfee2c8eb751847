import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { assessmentSchema, type Assessment } from '@ielts-genai-prep/core';
import { DalError } from '@ielts-genai-prep/dal-dynamodb';

/** Saves the state of a speaking test in progress on its assessment item. */
export interface SpeakingProgressStore {
  /**
   * Replaces `speaking_session` and `submission` if the item is still at `expectedVersion` and not
   * completed, bumping the version. A `conflict` DalError when it changed meanwhile.
   */
  save(
    assessmentId: string,
    progress: { speaking_session: Record<string, unknown>; submission: Record<string, unknown> },
    expectedVersion: number,
  ): Promise<Assessment>;
}

/** Options for {@link createSpeakingProgressStore}. */
export interface SpeakingProgressStoreOptions {
  documentClient: DynamoDBDocumentClient;
  /** The assessments table's physical name. */
  tableName: string;
}

/**
 * A {@link SpeakingProgressStore} on the assessments table. The data layer's assessment repository
 * has no method for an in-progress update yet, so this one conditional UpdateItem lives here.
 */
export function createSpeakingProgressStore(options: SpeakingProgressStoreOptions): SpeakingProgressStore {
  return {
    async save(assessmentId, progress, expectedVersion) {
      try {
        const output = await options.documentClient.send(
          new UpdateCommand({
            TableName: options.tableName,
            Key: { assessment_id: assessmentId },
            UpdateExpression: 'SET #session = :session, #submission = :submission, #version = :next',
            ConditionExpression: 'attribute_exists(#id) AND #version = :expected AND #completed = :false',
            ExpressionAttributeNames: {
              '#id': 'assessment_id',
              '#session': 'speaking_session',
              '#submission': 'submission',
              '#version': 'version',
              '#completed': 'completed',
            },
            ExpressionAttributeValues: {
              ':session': progress.speaking_session,
              ':submission': progress.submission,
              ':expected': expectedVersion,
              ':next': expectedVersion + 1,
              ':false': false,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return assessmentSchema.parse(output.Attributes);
      } catch (error) {
        if (error instanceof Error && error.name === 'ConditionalCheckFailedException') {
          throw new DalError({
            code: 'conflict',
            message: `Assessment ${assessmentId} changed meanwhile or is completed`,
            tableName: options.tableName,
            key: { assessment_id: assessmentId },
            cause: error,
          });
        }
        throw error;
      }
    },
  };
}
