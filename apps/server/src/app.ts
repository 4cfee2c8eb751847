import { Hono } from 'hono';

/** Builds the reference server's Hono app; the same app serves Node and AWS Lambda. */
export function createApp(): Hono {
  const app = new Hono();
  app.get('/health', (context) => context.json({ status: 'ok' }));
  return app;
}
