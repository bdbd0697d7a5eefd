// Must stay the first import: it configures zod before any schema module is evaluated.
import '../zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '../theme/base.css';
import './remote.css';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('remote: #root is missing');
// No service worker: the remote shows the server's state or says it cannot reach it, never a kept copy.
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
