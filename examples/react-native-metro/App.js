// A React Native screen on core and the api-client, written as the api-client's README says for
// mobile: log in with `client: 'mobile'`, keep the returned token, hand it back through
// `getToken` so it is sent as `Authorization: Bearer …`.
import { ApiClientError, createApiClient } from '@ielts-genai-prep/api-client';
import { assessmentTypeSchema, publicUserSchema } from '@ielts-genai-prep/core';
import { overallBand } from '@ielts-genai-prep/core/rules';
import { useEffect, useState } from 'react';
import { Text, View } from 'react-native';

// An app keeps these in secure storage (expo-secure-store); variables stand in for it here.
let sessionToken = null;
let storedUser = null;

const client = createApiClient({
  baseUrl: 'https://api.example.com',
  getToken: () => sessionToken,
  onUnauthorized: () => {
    sessionToken = null;
  },
});

/** The user saved at the last sign-in, read back through core's schema: storage is not trusted. */
function readStoredUser() {
  if (storedUser === null) return null;
  const parsed = publicUserSchema.safeParse(JSON.parse(storedUser));
  return parsed.success ? parsed.data : null;
}

async function signIn(email, password) {
  const session = await client.auth.login({ email, password, client: 'mobile' });
  sessionToken = session.token;
  storedUser = JSON.stringify(session.user);
  return session.user;
}

export function App() {
  const [status, setStatus] = useState(() => {
    const user = readStoredUser();
    return user ? `Welcome back, ${user.email}` : 'Signing in…';
  });
  useEffect(() => {
    signIn('ada@example.com', 'correct horse battery staple')
      .then((user) => setStatus(`Signed in as ${user.email}`))
      .catch((error) => setStatus(ApiClientError.isInstance(error) ? `Sign-in failed: ${error.code}` : String(error)));
  }, []);
  const band = overallBand({ listening: 6.5, reading: 6.5, writing: 5, speaking: 7 });
  return (
    <View>
      <Text>{`Overall band ${band} across ${assessmentTypeSchema.options.length} assessment types`}</Text>
      <Text>{status}</Text>
    </View>
  );
}
