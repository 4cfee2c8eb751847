import type { SafetyEventHandler } from './evaluation-options.js';
import { buildSafetyEvent } from './safety-event.js';
import { countRemovedCharacters, type RemovedCharacters } from './untrusted-text.js';

/** What the offline scorers' screening found in one answer's text, for the AI safety log. */
export interface OfflineScreeningFinding {
  /** Prefixed to each evidence line when an assessment has several answers (`answer 2: …`); undefined for one. */
  label: string | undefined;
  /** The invisible characters removed. */
  removed: RemovedCharacters;
  /** One line per sentence removed as addressed to the scorer (`rule: sentence`). */
  injectionEvidence: readonly string[];
}

/** Where the offline scorers send their safety events. */
export interface OfflineSafetyEventTarget {
  /** The call's `onSafetyEvent`; nothing is built without it. */
  onSafetyEvent: SafetyEventHandler | undefined;
  /** The offline model id the events carry. */
  modelId: string;
  /** When the checks ran. */
  createdAt: Date;
}

/**
 * Raises the events the cloud evaluators raise for the same screening (provider `offline`, the
 * scorer's model id), to the handler of the call that scored:
 * `input_normalization` when invisible characters were removed — `flagged` if tag or bidi
 * characters (they hide or reorder text), otherwise `pass` — and one `flagged`
 * `prompt_injection` with the removed sentences as evidence. Awaited in order.
 */
export async function emitOfflineSafetyEvents(
  target: OfflineSafetyEventTarget,
  findings: readonly OfflineScreeningFinding[],
): Promise<void> {
  const { onSafetyEvent } = target;
  if (!onSafetyEvent) return;
  const prefix = (label: string | undefined, line: string) => (label === undefined ? line : `${label}: ${line}`);
  const base = { provider: 'offline', model_id: target.modelId, created_at: target.createdAt };
  const normalizationEvidence: string[] = [];
  let hidingCharacters = false;
  for (const finding of findings) {
    const count = countRemovedCharacters(finding.removed);
    if (count === 0) continue;
    const { zeroWidth, bidiControl, tag, control } = finding.removed;
    hidingCharacters ||= tag > 0 || bidiControl > 0;
    normalizationEvidence.push(
      prefix(
        finding.label,
        `removed ${count} invisible characters: zero-width ${zeroWidth}, bidi control ${bidiControl}, tag ${tag}, control ${control}`,
      ),
    );
  }
  if (normalizationEvidence.length > 0) {
    await onSafetyEvent(
      buildSafetyEvent({
        ...base,
        check: 'input_normalization',
        verdict: hidingCharacters ? 'flagged' : 'pass',
        evidence: normalizationEvidence,
      }),
    );
  }
  const injectionEvidence = findings.flatMap((finding) => finding.injectionEvidence.map((line) => prefix(finding.label, line)));
  if (injectionEvidence.length > 0) {
    await onSafetyEvent(buildSafetyEvent({ ...base, check: 'prompt_injection', verdict: 'flagged', evidence: injectionEvidence }));
  }
}
