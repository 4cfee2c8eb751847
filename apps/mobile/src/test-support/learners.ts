// Learners of the reference server, made through the api-client the way a person would make one:
// register, open the confirmation link from the email (the server gives the free assessments only
// to confirmed addresses), sign in. These calls go to the server directly, not through the
// recording proxy, so a test's recorded requests are the app's alone.
import { createApiClient, type ApiClient } from '@ielts-genai-prep/api-client';
import type { ReferenceServer } from './reference-server';

/** A learner's sign-in details. */
export interface Learner {
  email: string;
  password: string;
  displayName: string;
}

let sequence = 0;

/** Fresh details: an address no other test of this run uses. */
export function newLearner(displayName = 'Mai'): Learner {
  sequence += 1;
  const unique = `${Date.now().toString(36)}${process.pid.toString(36)}${sequence}`;
  return { email: `${displayName.toLowerCase()}.${unique}@example.com`, password: 'river-lantern-42', displayName };
}

/** A client of the server that signs in as nobody yet. */
export function directClient(server: ReferenceServer, token?: string): ApiClient {
  return createApiClient({
    baseUrl: server.directUrl,
    retry: false,
    timeout: 30_000,
    credentials: 'omit',
    ...(token ? { getToken: () => token } : {}),
  });
}

/** The token of the confirmation link the server emailed to `email`. */
export async function verificationToken(server: ReferenceServer, email: string): Promise<string> {
  return (await server.linkSentTo(email, '/verify-email')).searchParams.get('token') ?? '';
}

/** Registers a learner and, unless `verified: false`, confirms the address with the emailed link. */
export async function registerLearner(
  server: ReferenceServer,
  options: { displayName?: string; verified?: boolean } = {},
): Promise<Learner> {
  const learner = newLearner(options.displayName);
  const client = directClient(server);
  await client.auth.register({ email: learner.email, password: learner.password, display_name: learner.displayName });
  if (options.verified !== false) await client.auth.verifyEmail({ token: await verificationToken(server, learner.email) });
  return learner;
}

/** Signs `learner` in as a mobile app would (another device, say); returns that session's client and token. */
export async function signInDirectly(server: ReferenceServer, learner: Learner): Promise<{ client: ApiClient; token: string }> {
  const { token } = await directClient(server).auth.login({ email: learner.email, password: learner.password, client: 'mobile' });
  if (!token) throw new Error('the server gave a mobile login no token');
  return { client: directClient(server, token), token };
}
