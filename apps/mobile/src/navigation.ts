import type { Assessment, PublicQuestion, WritingAssessmentType } from '@ielts-genai-prep/core';
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { BackHandler, Platform } from 'react-native';

/** Every screen of the app, with what it needs to show. */
export type Route =
  | { name: 'sign-in'; notice?: string; email?: string }
  | { name: 'register' }
  /** Opened by the emailed link: confirms the address with its token. */
  | { name: 'verify-email'; token: string }
  /** Asks for a password reset link. */
  | { name: 'forgot-password'; email?: string }
  /** Opened by the emailed reset link: choose a new password with its token. */
  | { name: 'reset-password'; token: string }
  | { name: 'change-password' }
  | { name: 'home' }
  /** The writing questions of one task type. */
  | { name: 'writing-questions'; type: WritingAssessmentType }
  | { name: 'writing-task'; questionId: string }
  /** The speaking sets, and how answers are transcribed on this server and device. */
  | { name: 'speaking-sets' }
  /** A speaking test, started or resumed. */
  | { name: 'speaking-session'; assessmentId: string }
  | { name: 'reading-tests'; type: 'reading_academic' | 'reading_general_training' }
  | { name: 'reading-test'; questionId: string }
  | { name: 'listening-tests' }
  | { name: 'listening-test'; questionId: string }
  /** A result just scored, or picked from a list; `question` when the screen has it already (a listening test's transcripts). */
  | { name: 'result'; assessment: Assessment; question?: PublicQuestion }
  /** A result picked from a list: the lists carry history rows, so it is loaded whole. */
  | { name: 'saved-result'; assessmentId: string }
  | { name: 'history' };

/** A change to the stack of screens. */
export type NavigationAction =
  | { type: 'push'; route: Route }
  | { type: 'replace'; route: Route }
  | { type: 'back' }
  | { type: 'reset'; route: Route };

/** The stack of screens after an action; the last route is the one shown. The first is never popped. */
export function navigationReducer(stack: readonly Route[], action: NavigationAction): Route[] {
  switch (action.type) {
    case 'push':
      return [...stack, action.route];
    case 'replace':
      return [...stack.slice(0, -1), action.route];
    case 'back':
      return stack.length > 1 ? stack.slice(0, -1) : [...stack];
    case 'reset':
      return [action.route];
  }
}

/** Moves between screens. */
export interface Navigation {
  /** The screen shown. */
  current: Route;
  canGoBack: boolean;
  push(route: Route): void;
  /** Shows `route` in place of the current screen (back skips the current one). */
  replace(route: Route): void;
  back(): void;
  /** Starts a new stack: after signing in or out. */
  reset(route: Route): void;
}

/**
 * A stack navigator in a reducer: the app has a handful of screens and two kinds of deep link
 * (pushed as routes, see `deep-link.ts`), so this is all it needs. Android's back button pops the stack and leaves the app on the first screen.
 */
export function useNavigation(initialRoute: Route): Navigation {
  const [stack, dispatch] = useReducer(navigationReducer, [initialRoute]);
  const canGoBack = stack.length > 1;

  useEffect(() => {
    // react-native-web has no BackHandler (and says so on the console).
    if (!canGoBack || Platform.OS === 'web') return undefined;
    const subscription = BackHandler.addEventListener('hardwareBackPress', () => {
      dispatch({ type: 'back' });
      return true;
    });
    return () => subscription.remove();
  }, [canGoBack]);

  const push = useCallback((route: Route) => dispatch({ type: 'push', route }), []);
  const replace = useCallback((route: Route) => dispatch({ type: 'replace', route }), []);
  const back = useCallback(() => dispatch({ type: 'back' }), []);
  const reset = useCallback((route: Route) => dispatch({ type: 'reset', route }), []);
  const current = stack[stack.length - 1] as Route;
  return useMemo(() => ({ current, canGoBack, push, replace, back, reset }), [current, canGoBack, push, replace, back, reset]);
}
