import * as z from 'zod';
import type { DraftStore } from './draft-store';
import { useDraft, type DraftState } from './use-draft';

/** An essay or letter in progress, as a draft store keeps it. */
export const writingDraftSchema = z.object({
  essay: z.string().max(60_000),
  /** When the learner opened the task (epoch ms): the countdown runs from here, across restarts too. */
  started_at: z.number().int().positive(),
  /** The last text sent for scoring and its idempotency key: the same text sent again (after a lost answer) reuses the key. */
  attempt: z.object({ essay: z.string().max(60_000), key: z.string().min(8).max(128) }).nullable(),
});
/** An essay or letter in progress. */
export type WritingDraft = z.infer<typeof writingDraftSchema>;

/** The draft of one writing task (see `useDraft`). */
export function useWritingDraft(store: DraftStore, key: string): DraftState<WritingDraft> {
  return useDraft({
    store,
    key,
    schema: writingDraftSchema,
    blank: () => ({ essay: '', started_at: Date.now(), attempt: null }),
    hasContent: (draft) => draft.essay.trim() !== '',
  });
}
