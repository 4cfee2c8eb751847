import {
  ASSESSMENT_TYPES,
  ASSESSMENT_TYPE_NAMES,
  SKILL_NAMES,
  formatBand,
  skillOf,
  summarizeProgress,
  type AssessmentType,
} from '@ielts-genai-prep/core';
import { PROGRESS_RESULTS, overallBandExplanation, skillProgressWords } from '@ielts-genai-prep/app-kit';
import { useState } from 'react';
import { useApp } from './app-context.js';
import { AssessmentList } from './assessment-list.js';
import { ErrorBanner } from './error-banner.js';
import { Loaded, PageHeading } from './page-parts.js';
import { ProgressChart } from './progress-chart.js';
import { Link } from './router.js';
import { TargetBandField } from './target-band-field.js';
import { useApiData } from './use-api-data.js';

/** Where each assessment type is practised. */
export function practiceHref(type: AssessmentType): string {
  switch (skillOf(type)) {
    case 'writing':
      return `/writing?type=${type}`;
    case 'reading':
      return `/reading?type=${type}`;
    case 'listening':
      return '/listening';
    default:
      return '/speaking';
  }
}

function VerifyEmailNotice() {
  const { client } = useApp();
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const resend = async () => {
    setState('sending');
    setError(null);
    try {
      setMessage((await client.auth.resendVerification()).message);
      setState('sent');
    } catch (caught) {
      setError(caught);
      setState('idle');
    }
  };
  return (
    <div className="banner banner-info">
      <p className="banner-title">Please confirm your email address</p>
      {state === 'sent' ? (
        <p role="status">{message}</p>
      ) : (
        <p>
          We sent you a link when you registered.{' '}
          <button type="button" className="link-button" onClick={() => void resend()} disabled={state === 'sending'}>
            {state === 'sending' ? 'Sending…' : 'Send it again'}
          </button>
        </p>
      )}
      {error !== null && <ErrorBanner error={error} />}
    </div>
  );
}

function ProgressCard() {
  const { client, user } = useApp();
  const history = useApiData(['assessments', { limit: PROGRESS_RESULTS }], (signal) =>
    client.assessments.list({ limit: PROGRESS_RESULTS }, { signal }),
  );
  return (
    <section className="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Your progress</h2>
      <Loaded data={history} label="Working out your progress…">
        {(page) => {
          const progress = summarizeProgress(page.items);
          return (
            <>
              <div className="progress-overall">
                <span className="progress-overall-label">Estimated overall band</span>
                <span className="progress-overall-value" data-testid="estimated-overall">
                  {progress.overall === null ? '–' : formatBand(progress.overall)}
                </span>
              </div>
              <p className="muted small" data-testid="overall-explanation">
                {overallBandExplanation(progress)}
              </p>
              <ProgressChart progress={progress} targetBand={user?.preferences.target_band ?? null} />
              <TargetBandField />
              <ul className="skill-progress">
                {progress.skills.map((entry) => (
                  <li key={entry.skill} data-skill={entry.skill}>
                    <span className="skill-name">{SKILL_NAMES[entry.skill]}</span>
                    <span className="skill-band">{formatBand(entry.latest)}</span>
                    <span className="muted small">{skillProgressWords(entry)}</span>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function EntitlementsCard() {
  const { client } = useApp();
  const entitlements = useApiData(['entitlements'], (signal) => client.entitlements.get({ signal }));
  return (
    <section className="card" aria-labelledby="entitlements-heading">
      <h2 id="entitlements-heading">Assessments left</h2>
      <Loaded data={entitlements}>
        {({ entitlements: list }) => {
          const byType = new Map(list.map((entry) => [entry.assessment_type, entry]));
          return (
            <ul className="entitlements" data-testid="entitlements">
              {ASSESSMENT_TYPES.map((type) => {
                const entry = byType.get(type);
                const remaining = entry?.remaining ?? 0;
                const granted = entry?.granted ?? 0;
                return (
                  <li key={type} className={remaining === 0 ? 'entitlement-empty' : undefined} data-entitlement={type}>
                    <Link to={practiceHref(type)}>{ASSESSMENT_TYPE_NAMES[type]}</Link>
                    <span className="entitlement-count">
                      <strong>{remaining}</strong> of {granted} left
                    </span>
                    <meter
                      min={0}
                      max={Math.max(1, granted)}
                      value={remaining}
                      aria-label={`${ASSESSMENT_TYPE_NAMES[type]}: ${remaining} of ${granted} left`}
                    />
                  </li>
                );
              })}
            </ul>
          );
        }}
      </Loaded>
      <p>
        <Link to="/buy" data-testid="buy-more">
          Buy more assessments
        </Link>
      </p>
    </section>
  );
}

const QUICK_START = [
  { to: '/writing', title: 'Writing', text: 'Task 1 charts and letters, Task 2 essays' },
  { to: '/reading', title: 'Reading', text: 'Three passages, 40 questions' },
  { to: '/listening', title: 'Listening', text: 'Four sections, 40 questions' },
  { to: '/speaking', title: 'Speaking', text: 'Interview, cue card and discussion' },
];

/** The signed-in home: what to practise, what is left, how it is going, and recent results. */
export function DashboardPage() {
  const { user } = useApp();
  const name = user?.display_name?.trim();
  return (
    <>
      <PageHeading lead="Pick a skill to practise, or look back at your results.">{name ? `Welcome, ${name}` : 'Welcome'}</PageHeading>
      {user && !user.email_verified && <VerifyEmailNotice />}
      <nav aria-label="Practice" className="quick-start">
        {QUICK_START.map((entry) => (
          <Link key={entry.to} to={entry.to} className="quick-start-card">
            <span className="quick-start-title">{entry.title}</span>
            <span className="muted">{entry.text}</span>
          </Link>
        ))}
      </nav>
      <div className="dashboard-grid">
        <ProgressCard />
        <EntitlementsCard />
      </div>
      <section className="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent assessments</h2>
        <AssessmentList pageSize={5} />
        <p>
          <Link to="/history">See your full history</Link>
        </p>
      </section>
    </>
  );
}
