// Formatting for this device (its locale, its clocks). The domain's words (type, skill, flag and
// provider names, bands) come from core, shared with the web app and the server's emails.

/** A date and time, short, in the device's locale. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A day, short, in the device's locale: `20 Nov`. */
export function formatDay(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}
