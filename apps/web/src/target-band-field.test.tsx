import { publicUserSchema } from '@ielts-genai-prep/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProvider } from './app-context.js';
import { errorBody, fakeApi } from './fake-api.js';
import { TargetBandField } from './target-band-field.js';

const user = publicUserSchema.parse({
  email: 'learner@example.com',
  user_id: '3f1c2a9e-7b4d-4e21-9a55-0c8d2f6b1e77',
  email_verified: true,
  created_at: '2026-11-20T10:00:00.000Z',
});

function renderField(answer: (body: unknown) => { status?: number; body: unknown }) {
  const { webClient, requests } = fakeApi({ 'PATCH /api/auth/me': (request) => answer(request.body) });
  render(
    <AppProvider webClient={webClient} initialUser={user}>
      <TargetBandField />
    </AppProvider>,
  );
  return requests;
}

describe('the target band', () => {
  it('saves the chosen band as a preference and shows what the server kept; "No target" clears it', async () => {
    const requests = renderField((body) => {
      const target = (body as { preferences: { target_band: number | null } }).preferences.target_band;
      return { body: { user: { ...user, preferences: { ...user.preferences, target_band: target } } } };
    });
    const select = screen.getByLabelText('Your target band') as HTMLSelectElement;
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: '7' } });
    await waitFor(() => expect(select.value).toBe('7'));
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests.map((request) => [request.method, request.path, request.body])).toEqual([
      ['PATCH', '/api/auth/me', { preferences: { target_band: 7 } }],
      ['PATCH', '/api/auth/me', { preferences: { target_band: null } }],
    ]);
    await waitFor(() => expect(select.value).toBe(''));
  });

  it('says in words when the band could not be saved, and keeps the one before', async () => {
    renderField(() => ({ status: 503, body: errorBody('service_unavailable', 'The service is busy: try again shortly') }));
    const select = screen.getByLabelText('Your target band') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: '8' } });
    expect(await screen.findByText('Something went wrong on our side', {}, { timeout: 15_000 })).toBeTruthy();
    expect(select.value).toBe('');
  });
});
