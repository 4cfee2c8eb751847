import { describe, expect, it } from 'vitest';
import { canonicalLoopbackOrigin, canonicalRedirect, isLoopbackHostname, withCanonicalOrigin } from './canonical-origin.js';

describe('canonicalLoopbackOrigin', () => {
  it("is PUBLIC_URL's origin when it names this server on loopback at its port", () => {
    expect(canonicalLoopbackOrigin('http://localhost:3000', 3000)).toBe('http://localhost:3000');
    expect(canonicalLoopbackOrigin('http://127.0.0.1:8080/app', 8080)).toBe('http://127.0.0.1:8080');
  });

  it('is null behind a proxy, on another port, or when the port is chosen at start', () => {
    expect(canonicalLoopbackOrigin('https://ielts.example.com', 3000)).toBeNull();
    expect(canonicalLoopbackOrigin('http://localhost:3000', 3001)).toBeNull();
    expect(canonicalLoopbackOrigin('http://localhost:0', 0)).toBeNull();
    expect(canonicalLoopbackOrigin('not a url', 3000)).toBeNull();
  });
});

describe('canonicalRedirect', () => {
  const request = (url: string, host?: string) => new Request(url, host ? { headers: { host } } : {});

  it('sends a request on the other loopback name to the canonical origin, path and query kept', () => {
    const response = canonicalRedirect(request('http://127.0.0.1:3000/verify-email?token=abc'), 'http://localhost:3000');
    expect(response?.status).toBe(307);
    expect(response?.headers.get('location')).toBe('http://localhost:3000/verify-email?token=abc');
    expect(canonicalRedirect(request('http://[::1]:3000/'), 'http://localhost:3000')?.headers.get('location')).toBe(
      'http://localhost:3000/',
    );
    // The Host header decides, as a browser sends it.
    expect(
      canonicalRedirect(request('http://localhost:3000/api/health', 'localhost:3000'), 'http://127.0.0.1:3000')?.headers.get('location'),
    ).toBe('http://127.0.0.1:3000/api/health');
  });

  it('leaves alone a request on the canonical name, and one that is not on loopback', () => {
    expect(canonicalRedirect(request('http://localhost:3000/'), 'http://localhost:3000')).toBeNull();
    expect(canonicalRedirect(request('http://LOCALHOST:3000/'), 'http://localhost:3000')).toBeNull();
    expect(canonicalRedirect(request('http://192.168.1.5:3000/'), 'http://localhost:3000')).toBeNull();
  });
});

describe('isLoopbackHostname', () => {
  it('knows the loopback names', () => {
    expect(['localhost', '127.0.0.1', '[::1]', 'LocalHost'].map(isLoopbackHostname)).toEqual([true, true, true, true]);
    expect(isLoopbackHostname('example.com')).toBe(false);
  });
});

describe('withCanonicalOrigin', () => {
  const app = (request: Request) => new Response(`app: ${new URL(request.url).pathname}`);

  it('answers the other loopback name with a redirect and passes the canonical one to the app', async () => {
    const fetch = withCanonicalOrigin(app, 'http://localhost:3000', 3000);
    expect((await fetch(new Request('http://127.0.0.1:3000/history'))).headers.get('location')).toBe('http://localhost:3000/history');
    expect(await (await fetch(new Request('http://localhost:3000/history'))).text()).toBe('app: /history');
  });

  it('is the app itself when PUBLIC_URL is not this server on loopback', () => {
    expect(withCanonicalOrigin(app, 'https://ielts.example.com', 3000)).toBe(app);
    expect(withCanonicalOrigin(app, 'http://localhost:0', 0)).toBe(app);
  });
});
