import { useEffect, useRef, useState, type ReactNode } from 'react';
import { AppProvider, useApp, type SessionUser } from './app-context.js';
import { AssessmentPage } from './assessment-page.js';
import { BuyPage } from './buy-page.js';
import { CheckEmailPage } from './check-email-page.js';
import { CheckoutReturnPage } from './checkout-return-page.js';
import { DashboardPage } from './dashboard-page.js';
import { HistoryPage } from './history-page.js';
import { Loading, PageHeading } from './page-parts.js';
import { ResetPasswordPage } from './reset-password-page.js';
import { Link, RouterProvider, matchPath, navigate, useLocation } from './router.js';
import { SignInPage } from './sign-in-page.js';
import { SignUpPage } from './sign-up-page.js';
import { SpeakingPage } from './speaking-page.js';
import { SpeakingSessionPage } from './speaking-session-page.js';
import { TestListPage } from './test-list-page.js';
import { TestPage } from './test-page.js';
import { VerifyEmailPage } from './verify-email-page.js';
import type { WebClient } from './web-client.js';
import { WritingPage } from './writing-page.js';
import { WritingTaskPage } from './writing-task-page.js';

/** Who may see a page: signed-in users, signed-out visitors, or anyone. */
type Access = 'user' | 'guest' | 'any';

interface Route {
  pattern: string;
  access: Access;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: Route[] = [
  { pattern: '/', access: 'user', render: () => <DashboardPage /> },
  { pattern: '/sign-in', access: 'guest', render: () => <SignInPage /> },
  { pattern: '/sign-up', access: 'guest', render: () => <SignUpPage /> },
  { pattern: '/check-email', access: 'any', render: () => <CheckEmailPage /> },
  { pattern: '/verify-email', access: 'any', render: () => <VerifyEmailPage /> },
  { pattern: '/reset-password', access: 'any', render: () => <ResetPasswordPage /> },
  { pattern: '/writing', access: 'user', render: () => <WritingPage /> },
  { pattern: '/writing/:id', access: 'user', render: ({ id }) => <WritingTaskPage key={id} questionId={id ?? ''} /> },
  { pattern: '/reading', access: 'user', render: () => <TestListPage key="reading" skill="reading" /> },
  { pattern: '/reading/:id', access: 'user', render: ({ id }) => <TestPage key={id} skill="reading" questionId={id ?? ''} /> },
  { pattern: '/listening', access: 'user', render: () => <TestListPage key="listening" skill="listening" /> },
  { pattern: '/listening/:id', access: 'user', render: ({ id }) => <TestPage key={id} skill="listening" questionId={id ?? ''} /> },
  { pattern: '/speaking', access: 'user', render: () => <SpeakingPage /> },
  { pattern: '/speaking/sessions/:id', access: 'user', render: ({ id }) => <SpeakingSessionPage key={id} sessionId={id ?? ''} /> },
  { pattern: '/history', access: 'user', render: () => <HistoryPage /> },
  { pattern: '/buy', access: 'user', render: () => <BuyPage /> },
  { pattern: '/buy/return', access: 'user', render: () => <CheckoutReturnPage /> },
  { pattern: '/assessments/:id', access: 'user', render: ({ id }) => <AssessmentPage key={id} assessmentId={id ?? ''} /> },
];

/** The route that matches a path, with its parameters. */
export function resolveRoute(pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, pathname);
    if (params) return { route, params };
  }
  return null;
}

function NotFoundPage() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        There is nothing at this address. <Link to="/">Go to your dashboard</Link>.
      </p>
    </>
  );
}

const NAVIGATION = [
  { to: '/', label: 'Dashboard' },
  { to: '/writing', label: 'Writing' },
  { to: '/reading', label: 'Reading' },
  { to: '/listening', label: 'Listening' },
  { to: '/speaking', label: 'Speaking' },
  { to: '/history', label: 'History' },
];

function isCurrentSection(to: string, pathname: string): boolean {
  if (to === '/') return pathname === '/';
  if (to === '/history') return pathname === '/history' || pathname.startsWith('/assessments/');
  return pathname === to || pathname.startsWith(`${to}/`);
}

function Header() {
  const { client, user, signedOut } = useApp();
  const { pathname } = useLocation();
  // Open on the page where it was opened: moving to another page closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;
  const signOut = async () => {
    try {
      await client.auth.logout();
    } catch {
      // The session may already be gone; the learner is signed out here either way.
    }
    signedOut();
    navigate('/sign-in');
  };
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            I
          </span>
          IELTS GenAI Prep
        </Link>
        {user && (
          <>
            <button
              type="button"
              className="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="site-navigation"
              onClick={() => setMenuOpenOn(menuOpen ? null : pathname)}
            >
              Menu
            </button>
            <nav id="site-navigation" className={`site-nav${menuOpen ? ' site-nav-open' : ''}`} aria-label="Main">
              {NAVIGATION.map((entry) => (
                <Link key={entry.to} to={entry.to} aria-current={isCurrentSection(entry.to, pathname) ? 'page' : undefined}>
                  {entry.label}
                </Link>
              ))}
              <span className="user-name" title={user.email}>
                {user.display_name ?? user.email}
              </span>
              <button type="button" className="button button-small button-secondary" onClick={() => void signOut()}>
                Sign out
              </button>
            </nav>
          </>
        )}
        {user === null && (
          <nav className="site-nav site-nav-guest" aria-label="Account">
            <Link to="/sign-in" aria-current={pathname === '/sign-in' ? 'page' : undefined}>
              Sign in
            </Link>
            <Link to="/sign-up" className="button button-small" aria-current={pathname === '/sign-up' ? 'page' : undefined}>
              Create account
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}

function Guarded({ access, user, children }: { access: Access; user: SessionUser; children: ReactNode }) {
  const { pathname, search } = useLocation();
  const redirect =
    access === 'user' && user === null ? `/sign-in?next=${encodeURIComponent(pathname + search)}` : access === 'guest' && user ? '/' : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);
  if (access !== 'any' && user === undefined) return <Loading />;
  if (redirect) return null;
  return <>{children}</>;
}

function Shell() {
  const { user } = useApp();
  const { pathname } = useLocation();
  const resolved = resolveRoute(pathname);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After navigating, move focus to the new page's heading (not on the first load).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new pathname is what this runs for; the body reads the page, not the path.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo?.(0, 0);
    const timer = setTimeout(() => mainRef.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true }), 50);
    return () => clearTimeout(timer);
  }, [pathname]);

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Header />
      <main id="main" ref={mainRef} className="page">
        {resolved ? (
          <Guarded access={resolved.route.access} user={user}>
            {resolved.route.render(resolved.params)}
          </Guarded>
        ) : (
          <NotFoundPage />
        )}
      </main>
      <footer className="site-footer">
        <p>Band scores here are practice estimates, not official IELTS results.</p>
      </footer>
    </>
  );
}

/** The whole app: routing, the session, and the pages. */
export function App({ webClient, initialUser }: { webClient: WebClient; initialUser?: SessionUser }) {
  return (
    <RouterProvider>
      <AppProvider webClient={webClient} {...(initialUser !== undefined ? { initialUser } : {})}>
        <Shell />
      </AppProvider>
    </RouterProvider>
  );
}
