// Workaround, to delete once @ielts-genai-prep/api-client stops naming the DOM-only global
// `RequestCredentials` in its declarations (`ApiClientOptions.credentials`): a Node project whose
// lib has no "dom" (Node's fetch types come from @types/node) gets TS2304 there. Without this file
// both checks fail with: api-client/dist/index.d.ts: error TS2304: Cannot find name 'RequestCredentials'.
type RequestCredentials = 'include' | 'omit' | 'same-origin';
