import { ASSESSMENT_TYPE_NAMES, formatBand, type Assessment } from '@ielts-genai-prep/core';
import type { EmailMessage } from './mailer.js';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );

function message(to: string, subject: string, paragraphs: string[], link?: { label: string; url: string }): EmailMessage {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : []), '— IELTS GenAI Prep'].join('\n\n');
  const html = [
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`] : []),
    '<p>— IELTS GenAI Prep</p>',
  ].join('\n');
  return { to, subject, text, html };
}

/** The web app's pages the emailed links open; the token travels in the query string. */
export const EMAIL_LINK_PATHS = { verifyEmail: '/verify-email', resetPassword: '/reset-password' } as const;

/** Asks a new user to confirm their address. */
export function verificationEmail(to: string, publicUrl: string, token: string, validHours: number): EmailMessage {
  return message(
    to,
    'Confirm your email address',
    [
      'Welcome to IELTS GenAI Prep. Please confirm your email address.',
      `The link works once and expires in ${validHours} hours. If you did not create an account, ignore this email.`,
    ],
    { label: 'Confirm your email', url: `${publicUrl}${EMAIL_LINK_PATHS.verifyEmail}?token=${encodeURIComponent(token)}` },
  );
}

/** Tells an existing user that someone tried to register with their address (the API answers the same either way). */
export function alreadyRegisteredEmail(to: string, publicUrl: string): EmailMessage {
  return message(
    to,
    'Someone tried to register with your email address',
    [
      'Someone tried to create an IELTS GenAI Prep account with this email address, but you already have one.',
      'If it was you, sign in, or reset your password if you have forgotten it. If not, you can ignore this email.',
    ],
    { label: 'Reset your password', url: `${publicUrl}${EMAIL_LINK_PATHS.resetPassword}` },
  );
}

/** A single-use password reset link. */
export function passwordResetEmail(to: string, publicUrl: string, token: string, validMinutes: number): EmailMessage {
  return message(
    to,
    'Reset your password',
    [
      'We received a request to reset the password of your IELTS GenAI Prep account.',
      `The link works once and expires in ${validMinutes} minutes. If you did not ask for it, ignore this email: your password stays as it is.`,
    ],
    { label: 'Choose a new password', url: `${publicUrl}${EMAIL_LINK_PATHS.resetPassword}?token=${encodeURIComponent(token)}` },
  );
}

/** Tells a user that a result is ready. */
export function resultsEmail(to: string, publicUrl: string, assessment: Assessment): EmailMessage {
  const band = assessment.overall_band === null ? 'not scored' : formatBand(assessment.overall_band);
  return message(
    to,
    `Your ${ASSESSMENT_TYPE_NAMES[assessment.assessment_type]} result: band ${band}`,
    [
      `Your ${ASSESSMENT_TYPE_NAMES[assessment.assessment_type]} answer has been scored: band ${band}.`,
      'Open your results to read the feedback on each criterion.',
    ],
    { label: 'See your result', url: `${publicUrl}/assessments/${encodeURIComponent(assessment.assessment_id)}` },
  );
}
