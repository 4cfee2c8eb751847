import { ASSESSMENT_TYPE_NAMES } from '@ielts-genai-prep/core';
import type { AssessmentType } from '@ielts-genai-prep/core';
import { Link } from './router.js';

/** Links that switch between assessment types of one skill (`?type=`), the current one marked. */
export function TypeTabs({ types, current, basePath }: { types: readonly AssessmentType[]; current: AssessmentType; basePath: string }) {
  return (
    <nav className="type-tabs" aria-label="Task type">
      {types.map((type) => (
        <Link key={type} to={`${basePath}?type=${type}`} aria-current={type === current ? 'page' : undefined} className="type-tab">
          {ASSESSMENT_TYPE_NAMES[type]}
        </Link>
      ))}
    </nav>
  );
}
