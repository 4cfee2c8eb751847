import { PRODUCTS, formatPrice } from '@ielts-genai-prep/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BuyPage, packContents } from './buy-page.js';
import { CheckoutReturnPage } from './checkout-return-page.js';
import { errorBody } from './fake-api.js';
import { renderWithFakeApi } from './render-with-fake-api.js';

afterEach(() => window.history.replaceState(null, '', '/'));

const catalogue = (available: boolean) => () => ({ body: { products: PRODUCTS, checkout_available: available } });

describe('the buy page', () => {
  it('lists every pack with its price, contents and validity, and goes to the checkout url when one is bought', async () => {
    const visited: string[] = [];
    const requests = renderWithFakeApi(<BuyPage redirect={(url) => visited.push(url)} />, {
      'GET /api/purchases/products': catalogue(true),
      'POST /api/purchases/checkout': () => ({
        status: 201,
        body: { checkout_url: 'https://checkout.stripe.test/c/cs_test_1', checkout_session_id: 'cs_test_1' },
      }),
    });
    await screen.findByRole('heading', { name: 'Writing pack' });
    expect(screen.getAllByRole('article').map((card) => within(card).getByTestId('price').textContent)).toEqual(
      PRODUCTS.map((product) => formatPrice(product.price)),
    );
    const speaking = screen.getByRole('article', { name: 'Speaking pack' });
    expect(speaking.textContent).toContain('3 Speaking assessments');
    expect(speaking.textContent).toContain('Use them within 180 days');
    fireEvent.click(within(speaking).getByRole('button', { name: 'Buy the Speaking pack for £9.99' }));
    await waitFor(() => expect(visited).toEqual(['https://checkout.stripe.test/c/cs_test_1']));
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ product_id: 'speaking-pack-3' });
  });

  it('puts the packs for the type the learner came for first', async () => {
    window.history.replaceState(null, '', '/buy?type=listening');
    renderWithFakeApi(<BuyPage redirect={() => undefined} />, { 'GET /api/purchases/products': catalogue(true) });
    await screen.findByRole('heading', { name: 'Writing pack' });
    const order = screen.getAllByRole('article').map((card) => card.getAttribute('data-product'));
    expect(order.slice(0, 2)).toEqual(['reading-listening-pack-5', 'complete-pack-10']);
    expect(screen.getByText('Packs with Listening assessments are shown first.')).toBeTruthy();
  });

  it('says purchases are not configured when the server takes no payments, and offers no button to press', async () => {
    renderWithFakeApi(<BuyPage redirect={() => undefined} />, { 'GET /api/purchases/products': catalogue(false) });
    expect((await screen.findByTestId('purchases-not-configured')).textContent).toContain('Purchases are not configured');
    expect(screen.getAllByRole('button').every((button) => (button as HTMLButtonElement).disabled)).toBe(true);
  });

  it('shows the server’s purchases_not_configured answer in plain words', async () => {
    renderWithFakeApi(<BuyPage redirect={() => undefined} />, {
      'GET /api/purchases/products': catalogue(true),
      'POST /api/purchases/checkout': () => ({
        status: 503,
        body: errorBody('purchases_not_configured', 'Purchases are not configured on this server.'),
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Buy the Writing pack for £9.99' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Purchases are not configured');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('describes what each pack adds', () => {
    expect(
      packContents({ assessment_types: ['writing_task1_academic', 'writing_task1_general_training', 'writing_task2'], assessments: 5 }),
    ).toBe('5 each of Writing Task 1 (Academic), Writing Task 1 (General Training) and Writing Task 2');
    expect(packContents(PRODUCTS.find((product) => product.product_id === 'complete-pack-10')!)).toBe('10 of every assessment type');
  });
});

describe('the return page after checkout', () => {
  it('after paying, reads the entitlements afresh, and again when asked', async () => {
    window.history.replaceState(null, '', '/buy/return?outcome=success&session_id=cs_test_1');
    let reads = 0;
    renderWithFakeApi(<CheckoutReturnPage />, {
      'GET /api/entitlements': () => {
        reads += 1;
        return {
          body: { entitlements: [{ assessment_type: 'speaking', granted: 3 + 3 * (reads - 1), used: 3, remaining: 3 * (reads - 1) }] },
        };
      },
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Thank you for your purchase');
    await waitFor(() => expect(document.querySelector('[data-entitlement="speaking"]')?.textContent).toBe('Speaking0 of 3 left'));
    fireEvent.click(screen.getByRole('button', { name: 'check again' }));
    await waitFor(() => expect(document.querySelector('[data-entitlement="speaking"]')?.textContent).toBe('Speaking3 of 6 left'));
    expect(reads).toBe(2);
  });

  it('after cancelling, says nothing was charged and links back to the packs', () => {
    window.history.replaceState(null, '', '/buy/return?outcome=cancelled');
    renderWithFakeApi(<CheckoutReturnPage />, {});
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Payment cancelled');
    expect(screen.getByTestId('checkout-cancelled').textContent).toContain('Nothing was charged.');
    expect(screen.getByRole('link', { name: 'Choose a pack' }).getAttribute('href')).toBe('/buy');
  });
});
