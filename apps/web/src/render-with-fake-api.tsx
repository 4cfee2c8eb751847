import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AppProvider } from './app-context.js';
import { fakeApi, type FakeRoutes, type ReceivedRequest } from './fake-api.js';
import { RouterProvider } from './router.js';

/** Renders a page signed out, with the router, on a client whose requests go to `routes`; answers the requests received. */
export function renderWithFakeApi(page: ReactNode, routes: FakeRoutes): ReceivedRequest[] {
  const { webClient, requests } = fakeApi(routes);
  render(
    <RouterProvider>
      <AppProvider webClient={webClient} initialUser={null}>
        {page}
      </AppProvider>
    </RouterProvider>,
  );
  return requests;
}
