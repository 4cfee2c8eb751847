/** Where the app looks for the API when nothing else is configured: the reference server on this machine. */
export const DEFAULT_API_URL = 'http://127.0.0.1:3000';

/** The places the API's address can come from, most specific first. */
export interface ApiUrlSources {
  /** `EXPO_PUBLIC_API_URL`, inlined by Expo when the bundle is built. */
  environment?: string | undefined;
  /** `expo.extra` of app.json (`Constants.expoConfig.extra`); its `apiUrl` is used. */
  extra?: unknown;
}

function readApiUrl(value: unknown, source: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const url = value.trim();
  if (!/^https?:\/\/[^/\s]+/i.test(url)) throw new TypeError(`${source} must be an http(s) URL, got "${url}"`);
  return url;
}

/**
 * The API base URL: `EXPO_PUBLIC_API_URL` when set (so a developer can point a phone at their
 * computer without editing app.json), else app.json's `expo.extra.apiUrl`, else {@link DEFAULT_API_URL}.
 * Throws on a value that is not an http(s) URL, so a typo shows at start rather than as "offline".
 */
export function resolveApiUrl(sources: ApiUrlSources): string {
  const extraUrl = typeof sources.extra === 'object' && sources.extra !== null ? (sources.extra as { apiUrl?: unknown }).apiUrl : undefined;
  return readApiUrl(sources.environment, 'EXPO_PUBLIC_API_URL') ?? readApiUrl(extraUrl, 'app.json expo.extra.apiUrl') ?? DEFAULT_API_URL;
}
