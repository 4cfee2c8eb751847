import { publicUserSchema } from '@ielts-genai-prep/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './app.js';
import { fakeApi } from './fake-api.js';

afterEach(() => window.history.replaceState(null, '', '/'));

const user = publicUserSchema.parse({
  email: 'learner@example.com',
  user_id: '3f1c2a9e-7b4d-4e21-9a55-0c8d2f6b1e77',
  email_verified: true,
  created_at: '2026-11-20T10:00:00.000Z',
});

describe('the menu on a narrow screen', () => {
  it('opens and closes with its button, and closes when a page is chosen from it', () => {
    // The pages' reads are not answered here (404s): only the header is looked at.
    const { webClient } = fakeApi({});
    render(<App webClient={webClient} initialUser={user} />);
    const toggle = screen.getByRole('button', { name: 'Menu' });
    const menu = screen.getByRole('navigation', { name: 'Main' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(menu.className).toContain('site-nav-open');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(toggle);
    fireEvent.click(within(menu).getByRole('link', { name: 'History' }));
    expect(window.location.pathname).toBe('/history');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(menu.className).not.toContain('site-nav-open');
    // Opened again on the new page, it stays open there.
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });
});
