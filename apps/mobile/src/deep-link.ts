/** The app's URL scheme, as app.json declares it: `ielts-genai-prep://verify-email?token=…`. */
export const APP_SCHEME = 'ielts-genai-prep';

/** What a link into the app asks for. */
export type DeepLink = { kind: 'verify-email'; token: string } | { kind: 'reset-password'; token: string };

// The paths of the links the server emails (its EMAIL_LINK_PATHS), the same under the app's scheme.
const PATHS: Record<string, DeepLink['kind']> = { 'verify-email': 'verify-email', 'reset-password': 'reset-password' };

function decodeQueryValue(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Reads a link that opened the app: `ielts-genai-prep://verify-email?token=…` (the host names the
 * page; `ielts-genai-prep:///verify-email?…` too) or an emailed `https://…/reset-password?token=…`
 * handed to the app by the system (a universal or app link), or Expo Go's
 * `exp://…/--/verify-email?token=…` in development. Null for anything else, or a link
 * without a token. Parsed by hand: React Native's `URL` does not read custom schemes' parts.
 */
export function parseDeepLink(url: string): DeepLink | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(\/[^?#]*)?(\?[^#]*)?/i.exec(url.trim());
  if (!match) return null;
  const [, scheme = '', host = '', path = '', query = ''] = match;
  const lowerScheme = scheme.toLowerCase();
  let page: string;
  if (lowerScheme === APP_SCHEME) {
    page = host !== '' ? host : path.replace(/^\/+/, '');
  } else if (lowerScheme === 'https' || lowerScheme === 'http') {
    page = path.replace(/^\/+/, '');
  } else if ((lowerScheme === 'exp' || lowerScheme === 'exps') && path.startsWith('/--/')) {
    // Expo Go's links to a project in development: exp://192.168.1.20:8081/--/verify-email?token=…
    page = path.slice('/--/'.length);
  } else {
    return null;
  }
  const kind = PATHS[page.replace(/\/+$/, '').toLowerCase()];
  if (!kind) return null;
  for (const pair of query.replace(/^\?/, '').split('&')) {
    const [name, value = ''] = pair.split('=');
    if (name === 'token') {
      const token = decodeQueryValue(value);
      return token ? { kind, token } : null;
    }
  }
  return null;
}
