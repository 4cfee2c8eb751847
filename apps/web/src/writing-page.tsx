import { WRITING_ASSESSMENT_TYPES, type WritingAssessmentType } from '@ielts-genai-prep/core';
import { AllowanceNotice, useAllowance } from './allowance.js';
import { PageHeading } from './page-parts.js';
import { QuestionList } from './question-list.js';
import { Link, useQuery } from './router.js';
import { TypeTabs } from './type-tabs.js';

const DESCRIPTIONS: Record<WritingAssessmentType, string> = {
  writing_task1_academic: 'Describe a chart, table, process or map in at least 150 words (20 minutes).',
  writing_task1_general_training: 'Write a letter covering three points in at least 150 words (20 minutes).',
  writing_task2: 'Write an essay in response to a point of view or problem in at least 250 words (40 minutes).',
};

/** Pick a writing task type and a question. */
export function WritingPage() {
  const requested = useQuery().get('type');
  const type = (WRITING_ASSESSMENT_TYPES as readonly string[]).includes(requested ?? '')
    ? (requested as WritingAssessmentType)
    : 'writing_task2';
  const allowance = useAllowance(type);
  return (
    <>
      <PageHeading lead="Choose a task, write your answer, and get a band for each criterion with corrections.">
        Writing practice
      </PageHeading>
      <TypeTabs types={WRITING_ASSESSMENT_TYPES} current={type} basePath="/writing" />
      <p className="muted">{DESCRIPTIONS[type]}</p>
      <AllowanceNotice type={type} allowance={allowance} />
      <QuestionList
        key={type}
        type={type}
        renderItem={(question) => (
          <Link to={`/writing/${encodeURIComponent(question.question_id)}`} className="card card-link question-card">
            <span className="question-card-title">{question.title}</span>
            <span className="muted small">
              {question.chart ? `${question.chart.chart_type} · ` : ''}
              {question.word_limit ? `at least ${question.word_limit} words · ` : ''}
              {question.time_limit} minutes
            </span>
          </Link>
        )}
      />
    </>
  );
}
