import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers.js';

describe('securityHeaders', () => {
  it('pins HTTPS only in production, and sends the content security policy everywhere', () => {
    const production = new Map(securityHeaders({ environment: 'production' }));
    const development = new Map(securityHeaders({ environment: 'development' }));
    expect(production.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(development.has('strict-transport-security')).toBe(false);
    for (const headers of [production, development]) {
      expect(headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(headers.get('x-frame-options')).toBe('DENY');
    }
    // No inline code is allowed, and nothing may frame the app.
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});
