import { useCallback, useEffect, useRef, useState } from 'react';
import * as z from 'zod';
import type { DraftStore } from './draft-store';

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

/** Milliseconds of quiet typing before the draft is written. */
export const DRAFT_SAVE_DELAY_MS = 400;

/** What {@link useWritingDraft} gives the writing screen. */
export interface WritingDraftState {
  /** Null until the stored draft has been read. */
  draft: WritingDraft | null;
  /** True when a draft with text was found on opening. */
  restored: boolean;
  /** Changes the draft; it is written a moment after the last change. */
  update(change: Partial<WritingDraft>): void;
  /** Starts again: no text, the clock from now. */
  restart(): void;
  /** Forgets the draft once its answer has been scored. */
  discard(): Promise<void>;
}

/**
 * The draft of one writing task under `key`: read from the store on opening (a draft that fails
 * the schema is ignored), written {@link DRAFT_SAVE_DELAY_MS} after each change and on leaving the
 * screen, removed when the answer has been scored. A new task's clock starts when it opens, and
 * that moment is saved at once, so closing the app does not give the time back.
 */
export function useWritingDraft(store: DraftStore, key: string, now: () => number = Date.now): WritingDraftState {
  const [draft, setDraft] = useState<WritingDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const latest = useRef<WritingDraft | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const discarded = useRef(false);

  const writeNow = useCallback(() => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    if (latest.current && !discarded.current) void store.write(key, latest.current).catch(() => undefined);
  }, [store, key]);

  useEffect(() => {
    let active = true;
    store.read(key).then(
      (stored) => {
        if (!active) return;
        const parsed = writingDraftSchema.safeParse(stored);
        const opened = parsed.success ? parsed.data : { essay: '', started_at: now(), attempt: null };
        latest.current = opened;
        setDraft(opened);
        setRestored(parsed.success && parsed.data.essay.trim() !== '');
        if (!parsed.success) void store.write(key, opened).catch(() => undefined);
      },
      () => {
        if (!active) return;
        const opened = { essay: '', started_at: now(), attempt: null };
        latest.current = opened;
        setDraft(opened);
      },
    );
    return () => {
      active = false;
      writeNow();
    };
    // Read once per task; `now` is a clock, not a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key, writeNow]);

  const update = useCallback(
    (change: Partial<WritingDraft>) => {
      if (!latest.current) return;
      latest.current = { ...latest.current, ...change };
      setDraft(latest.current);
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(writeNow, DRAFT_SAVE_DELAY_MS);
    },
    [writeNow],
  );

  const restart = useCallback(() => {
    latest.current = { essay: '', started_at: now(), attempt: null };
    setDraft(latest.current);
    setRestored(false);
    writeNow();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [writeNow]);

  const discard = useCallback(async () => {
    discarded.current = true;
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    await store.remove(key).catch(() => undefined);
  }, [store, key]);

  return { draft, restored, update, restart, discard };
}
