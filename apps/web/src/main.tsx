import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';
import { createWebClient } from './web-client.js';

// The reference server serves this app on the API's own origin, so the session cookie is first-party.
const webClient = createWebClient({ baseUrl: window.location.origin });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App webClient={webClient} />
  </StrictMode>,
);
