import { DEFAULT_API_URL, resolveApiUrl } from './config';

describe('resolveApiUrl', () => {
  it('prefers EXPO_PUBLIC_API_URL, then app.json extra, then the default', () => {
    expect(resolveApiUrl({ environment: 'http://192.168.1.20:3000', extra: { apiUrl: 'https://api.example.com' } })).toBe(
      'http://192.168.1.20:3000',
    );
    expect(resolveApiUrl({ environment: undefined, extra: { apiUrl: 'https://api.example.com' } })).toBe('https://api.example.com');
    expect(resolveApiUrl({ environment: '  ', extra: {} })).toBe(DEFAULT_API_URL);
    expect(resolveApiUrl({})).toBe('http://127.0.0.1:3000');
  });

  it('refuses an address that is not http(s)', () => {
    expect(() => resolveApiUrl({ environment: '192.168.1.20:3000' })).toThrow(/EXPO_PUBLIC_API_URL must be an http\(s\) URL/);
    expect(() => resolveApiUrl({ extra: { apiUrl: 'ftp://example.com' } })).toThrow(/expo\.extra\.apiUrl/);
  });
});
