import * as z from 'zod';

/** The outcome of a reCAPTCHA check. */
export type RecaptchaResult = { ok: true } | { ok: false; reason: string };

/** Checks a reCAPTCHA v2 token with Google's siteverify endpoint. */
export interface RecaptchaVerifier {
  /** Whether verification is configured; when not, registration skips it. */
  readonly enabled: boolean;
  /** Verifies a token; fails closed: any error or unexpected answer is a failure. */
  verify(token: string | undefined, remoteIp: string | undefined): Promise<RecaptchaResult>;
}

/** Options for {@link createRecaptchaVerifier}. */
export interface RecaptchaVerifierOptions {
  /** The secret key; without it the verifier is disabled. */
  secret: string | undefined;
  /** The siteverify URL. Default Google's. */
  verifyUrl?: string;
  /** The hostnames a solved challenge may come from; an answer for any other host fails. */
  hostnames: readonly string[];
  /** The fetch to call siteverify with. Default global `fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds to wait for siteverify. Default 5000. */
  timeoutMs?: number;
}

const siteverifyResponseSchema = z.object({
  success: z.boolean(),
  hostname: z.string().optional(),
  'error-codes': z.array(z.string()).optional(),
});

/** Creates a {@link RecaptchaVerifier}. */
export function createRecaptchaVerifier(options: RecaptchaVerifierOptions): RecaptchaVerifier {
  const fetchFunction = options.fetch ?? fetch;
  const verifyUrl = options.verifyUrl ?? 'https://www.google.com/recaptcha/api/siteverify';
  const hostnames = new Set(options.hostnames.map((hostname) => hostname.toLowerCase()));
  return {
    enabled: options.secret !== undefined,
    async verify(token, remoteIp) {
      if (options.secret === undefined) return { ok: true };
      if (!token) return { ok: false, reason: 'missing token' };
      const form = new URLSearchParams({ secret: options.secret, response: token });
      if (remoteIp) form.set('remoteip', remoteIp);
      let answer: z.infer<typeof siteverifyResponseSchema>;
      try {
        const response = await fetchFunction(verifyUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
        if (!response.ok) return { ok: false, reason: `siteverify answered ${response.status}` };
        answer = siteverifyResponseSchema.parse(await response.json());
      } catch (error) {
        return { ok: false, reason: `siteverify failed: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (!answer.success) return { ok: false, reason: `not solved (${(answer['error-codes'] ?? []).join(', ') || 'no reason given'})` };
      if (!answer.hostname || !hostnames.has(answer.hostname.toLowerCase())) {
        return { ok: false, reason: `solved on an unexpected host (${answer.hostname ?? 'none'})` };
      }
      return { ok: true };
    },
  };
}
