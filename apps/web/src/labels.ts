// Formatting for this browser (its locale, its clocks). The domain's words (type, skill, flag and
// provider names, bands) come from core, shared with the mobile app and the server's emails.

/** A date and time in the learner's locale. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
