import { useCallback, useEffect, useRef, useState } from 'react';
import type * as z from 'zod';
import type { DraftStore } from './draft-store';

/** Milliseconds of quiet before a changed draft is written. */
export const DRAFT_SAVE_DELAY_MS = 400;

/** What {@link useDraft} gives a screen. */
export interface DraftState<Value> {
  /** Null until the stored draft has been read. */
  draft: Value | null;
  /** True when a stored draft with something in it was found on opening. */
  restored: boolean;
  /** Changes the draft; it is written a moment after the last change, and when the screen goes. */
  update(change: Partial<Value>): void;
  /** Starts again from a blank draft (a new clock), written at once. */
  restart(): void;
  /** Forgets the draft once its answer has been scored. */
  discard(): Promise<void>;
}

/** Options of {@link useDraft}. */
export interface DraftOptions<Value> {
  store: DraftStore;
  key: string;
  /** Checks what the store holds; a draft that fails it is ignored. */
  schema: z.ZodType<Value>;
  /** A new draft, with its clock starting now. */
  blank: () => Value;
  /** Whether a stored draft has anything worth telling the learner about. */
  hasContent: (value: Value) => boolean;
}

/**
 * An answer in progress under `key`, kept across restarts: read from the store on opening, written
 * {@link DRAFT_SAVE_DELAY_MS} after each change and when the screen goes, removed once scored. A
 * new draft is written at once, so the moment its clock started is kept even if the app closes
 * straight away.
 */
export function useDraft<Value>({ store, key, schema, blank, hasContent }: DraftOptions<Value>): DraftState<Value> {
  const [draft, setDraft] = useState<Value | null>(null);
  const [restored, setRestored] = useState(false);
  const latest = useRef<Value | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const discarded = useRef(false);
  const options = useRef({ schema, blank, hasContent });
  options.current = { schema, blank, hasContent };

  const writeNow = useCallback(() => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    if (latest.current !== null && !discarded.current) void store.write(key, latest.current).catch(() => undefined);
  }, [store, key]);

  useEffect(() => {
    let active = true;
    const open = (stored: unknown) => {
      if (!active) return;
      const parsed = options.current.schema.safeParse(stored);
      const opened = parsed.success ? parsed.data : options.current.blank();
      latest.current = opened;
      setDraft(opened);
      setRestored(parsed.success && options.current.hasContent(parsed.data));
      if (!parsed.success) writeNow();
    };
    store.read(key).then(open, () => open(null));
    return () => {
      active = false;
      writeNow();
    };
  }, [store, key, writeNow]);

  const update = useCallback(
    (change: Partial<Value>) => {
      if (latest.current === null) return;
      latest.current = { ...latest.current, ...change };
      setDraft(latest.current);
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(writeNow, DRAFT_SAVE_DELAY_MS);
    },
    [writeNow],
  );

  const restart = useCallback(() => {
    latest.current = options.current.blank();
    setDraft(latest.current);
    setRestored(false);
    writeNow();
  }, [writeNow]);

  const discard = useCallback(async () => {
    discarded.current = true;
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    await store.remove(key).catch(() => undefined);
  }, [store, key]);

  return { draft, restored, update, restart, discard };
}
