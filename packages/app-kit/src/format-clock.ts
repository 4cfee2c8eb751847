/**
 * Seconds as a clock of minutes and seconds, rounded to the nearest second: `0:09`, `1:05`, and
 * `60:00` for the Reading hour (exam timers count minutes, never hours); never below `0:00`.
 */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
