import { BANDS, formatBand } from '@ielts-genai-prep/core';
import { useState } from 'react';
import { useApp } from './app-context.js';
import { ErrorBanner } from './error-banner.js';

/** The band the learner aims for (a preference): drawn on the progress chart; "No target" clears it. */
export function TargetBandField() {
  const { client, user, signedIn } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!user) return null;
  const choose = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      const { user: updated } = await client.auth.updateProfile({ preferences: { target_band: value === '' ? null : Number(value) } });
      signedIn(updated);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="field target-band-field">
      <label htmlFor="target-band">Your target band</label>
      <select
        id="target-band"
        value={user.preferences.target_band === null ? '' : String(user.preferences.target_band)}
        disabled={busy}
        onChange={(event) => void choose(event.target.value)}
      >
        <option value="">No target</option>
        {BANDS.filter((band) => band >= 4).map((band) => (
          <option key={band} value={String(band)}>
            {formatBand(band)}
          </option>
        ))}
      </select>
      <p className="field-hint">Drawn on the chart as a dashed line.</p>
      {error ? <ErrorBanner error={error} /> : null}
    </div>
  );
}
