/** A learner's unfinished answer, kept in the browser so a reload loses nothing. */
export interface Draft<Value> {
  value: Value;
  /** Sent with the submission, so a retried submission is stored (and charged) once. */
  idempotencyKey: string;
  /** When the test's time runs out (epoch ms), so the clock carries on after a reload instead of starting again. */
  deadline?: number;
  savedAt: string;
}

const PREFIX = 'ielts-draft:';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage can be disabled (private modes, policies): drafts are then not kept.
    return null;
  }
}

/** The draft saved under `key`, or null when none (or when it cannot be read). */
export function loadDraft<Value>(key: string, isValue: (value: unknown) => value is Value): Draft<Value> | null {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Draft<unknown>>;
    if (typeof parsed.idempotencyKey !== 'string' || parsed.idempotencyKey.length < 8 || !isValue(parsed.value)) return null;
    const deadline = typeof parsed.deadline === 'number' && Number.isFinite(parsed.deadline) ? { deadline: parsed.deadline } : {};
    return { value: parsed.value, idempotencyKey: parsed.idempotencyKey, ...deadline, savedAt: String(parsed.savedAt ?? '') };
  } catch {
    return null;
  }
}

/** Saves a draft (quietly does nothing when storage is unavailable or full). */
export function saveDraft<Value>(key: string, draft: Omit<Draft<Value>, 'savedAt'>): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // A full storage must not break typing.
  }
}

/** Forgets a draft once it has been submitted. */
export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // Nothing to clean up.
  }
}
