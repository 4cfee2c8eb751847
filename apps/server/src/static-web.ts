import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the built web app from `directory` when it exists: its files, and `index.html` for any
 * other GET outside `/api` (client-side routes such as `/verify-email`). Returns whether it did.
 */
export function serveWebApp(app: Hono<AppEnv>, directory: string): boolean {
  const root = path.resolve(directory);
  const indexFile = path.join(root, 'index.html');
  if (!existsSync(indexFile)) return false;

  app.get('*', async (context, next) => {
    const rawPath = new URL(context.req.url).pathname;
    let requestPath: string;
    try {
      requestPath = decodeURIComponent(rawPath);
    } catch {
      // A malformed escape (`%E0%A4%A`) names no file.
      requestPath = '/';
    }
    if (requestPath.startsWith('/api/') || requestPath === '/api') return next();
    const candidate = path.resolve(root, `.${requestPath}`);
    // Never outside the folder, whatever the path says.
    const inside = candidate === root || candidate.startsWith(root + path.sep);
    const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : indexFile;
    const body = await readFile(file);
    const extension = path.extname(file).toLowerCase();
    // Vite fingerprints everything under assets/: those never change.
    const cacheControl = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return context.body(body, 200, {
      'content-type': contentTypes[extension] ?? 'application/octet-stream',
      'cache-control': cacheControl,
    });
  });
  return true;
}
