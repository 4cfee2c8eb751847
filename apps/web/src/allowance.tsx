import { ASSESSMENT_TYPE_NAMES } from '@ielts-genai-prep/core';
import type { AssessmentType } from '@ielts-genai-prep/core';
import { useApp } from './app-context.js';
import { Link } from './router.js';
import { useApiData } from './use-api-data.js';

/** What is left of one assessment type. */
export interface Allowance {
  granted: number;
  remaining: number;
}

/** Where to buy more of a type: the buy page, with the packs that cover it first. */
export function buyHref(type?: AssessmentType): string {
  return type ? `/buy?type=${encodeURIComponent(type)}` : '/buy';
}

/**
 * The learner's allowance of `type`, read once when the page opens; null while it loads or when it
 * could not be read (then nothing is held back here: the server still refuses at 0 with a 402).
 */
export function useAllowance(type: AssessmentType): Allowance | null {
  const { client } = useApp();
  const entitlements = useApiData(['entitlements'], (signal) => client.entitlements.get({ signal }));
  if (entitlements.status !== 'ready') return null;
  const entry = entitlements.data.entitlements.find((candidate) => candidate.assessment_type === type);
  return entry ? { granted: entry.granted, remaining: entry.remaining } : null;
}

/** True when the allowance is known to be used up. */
export function isUsedUp(allowance: Allowance | null): boolean {
  return allowance !== null && allowance.remaining <= 0;
}

/** Why nothing of `type` can be started, in one sentence. */
export function usedUpSentence(type: AssessmentType, allowance: Allowance): string {
  return `You have used all ${allowance.granted} of your ${ASSESSMENT_TYPE_NAMES[type]} assessments, so you cannot start another one until you buy more.`;
}

/** What is left of `type`, shown before the learner puts in any effort; at 0, why nothing can be started and where to buy more. */
export function AllowanceNotice({ type, allowance, id }: { type: AssessmentType; allowance: Allowance | null; id?: string }) {
  if (!allowance) return null;
  const label = ASSESSMENT_TYPE_NAMES[type];
  if (!isUsedUp(allowance)) {
    return (
      <p className="allowance" data-testid="allowance" data-remaining={allowance.remaining} id={id}>
        You have <strong>{allowance.remaining}</strong> of {allowance.granted} {label} assessments left.{' '}
        <Link to={buyHref(type)}>Buy more</Link>
      </p>
    );
  }
  return (
    <div className="banner banner-warning allowance allowance-empty" data-testid="allowance" data-remaining={0} id={id}>
      <p className="banner-title">No {label} assessments left</p>
      <p>
        {usedUpSentence(type, allowance)} <Link to={buyHref(type)}>Buy more {label} assessments</Link>
      </p>
    </div>
  );
}

/** The line under a start button that is disabled because nothing is left. */
export function StartBlockedReason({ type, id }: { type: AssessmentType; id: string }) {
  return (
    <p className="start-blocked small" id={id}>
      None left to start. <Link to={buyHref(type)}>Buy more {ASSESSMENT_TYPE_NAMES[type]} assessments</Link>
    </p>
  );
}
