import { AssessmentList } from './assessment-list.js';
import { PageHeading } from './page-parts.js';

/** Every assessment the learner has taken, newest first. */
export function HistoryPage() {
  return (
    <>
      <PageHeading lead="Every assessment you have taken, newest first. Open one to see its feedback.">Your history</PageHeading>
      <section className="card">
        <AssessmentList pageSize={20} />
      </section>
    </>
  );
}
