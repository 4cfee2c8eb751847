import { READING_ASSESSMENT_TYPES, type AssessmentType } from '@ielts-genai-prep/core';
import { AllowanceNotice, useAllowance } from './allowance.js';
import { PageHeading } from './page-parts.js';
import { QuestionList } from './question-list.js';
import { Link, useQuery } from './router.js';
import { TypeTabs } from './type-tabs.js';

/** The reading or listening tests to choose from. */
export function TestListPage({ skill }: { skill: 'reading' | 'listening' }) {
  const requested = useQuery().get('type');
  const type: AssessmentType =
    skill === 'listening'
      ? 'listening'
      : (READING_ASSESSMENT_TYPES as readonly string[]).includes(requested ?? '')
        ? (requested as AssessmentType)
        : 'reading_academic';
  const allowance = useAllowance(type);
  return (
    <>
      <PageHeading
        lead={
          skill === 'reading'
            ? 'Read the passages and answer 40 questions. Your answers are marked against the key, with a reason for each.'
            : 'Listen to four sections and answer 40 questions: each section plays once in test mode, or as often as you like in practice mode. The transcripts come with your results.'
        }
      >
        {skill === 'reading' ? 'Reading practice' : 'Listening practice'}
      </PageHeading>
      {skill === 'reading' && <TypeTabs types={READING_ASSESSMENT_TYPES} current={type} basePath="/reading" />}
      <AllowanceNotice type={type} allowance={allowance} />
      <QuestionList
        key={type}
        type={type}
        renderItem={(question) => (
          <Link to={`/${skill}/${encodeURIComponent(question.question_id)}`} className="card card-link question-card">
            <span className="question-card-title">{question.title}</span>
            <span className="muted small">
              {skill === 'reading' ? `${question.passages.length} passages` : `${question.sections.length} sections`} ·{' '}
              {question.question_groups.reduce((sum, group) => sum + group.questions.length, 0)} questions · {question.time_limit} minutes
            </span>
          </Link>
        )}
      />
    </>
  );
}
