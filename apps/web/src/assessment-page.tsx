import { useApp } from './app-context.js';
import { Loaded, PageHeading } from './page-parts.js';
import { ReportResultForm } from './report-result-form.js';
import { ResultView } from './result-view.js';
import { Link } from './router.js';
import { useApiData } from './use-api-data.js';

/** One assessment's result, with a way to report it. */
export function AssessmentPage({ assessmentId }: { assessmentId: string }) {
  const { client } = useApp();
  const data = useApiData(['assessment', assessmentId], async (signal) => {
    const assessment = await client.assessments.get({ id: assessmentId }, { signal });
    // The title makes the page recognisable; a missing question does not hide the result.
    const question = assessment.question_id
      ? await client.questions.get({ id: assessment.question_id }, { signal }).then(
          (found) => found,
          () => null,
        )
      : null;
    // Listening transcripts stay hidden during the test and are shown with the result, for review.
    const transcripts =
      assessment.assessment_type === 'listening' && assessment.completed && question
        ? question.sections.map((section) => ({ part: section.part, title: section.title, transcript: section.transcript }))
        : [];
    return { assessment, title: question?.title ?? null, questionGroups: question?.question_groups ?? [], transcripts };
  });
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/history">← Your history</Link>
      </p>
      <PageHeading>Result</PageHeading>
      <Loaded data={data} label="Loading your result…">
        {({ assessment, title, questionGroups, transcripts }) =>
          !assessment.completed && assessment.assessment_type === 'speaking' ? (
            <div className="card">
              <p>This speaking test is still in progress.</p>
              <Link className="button" to={`/speaking/sessions/${encodeURIComponent(assessment.assessment_id)}`}>
                Continue the test
              </Link>
            </div>
          ) : (
            <ResultView assessment={assessment} questionTitle={title} questionGroups={questionGroups} transcripts={transcripts}>
              <ReportResultForm assessmentId={assessment.assessment_id} assessmentType={assessment.assessment_type} />
            </ResultView>
          )
        }
      </Loaded>
    </>
  );
}
