// Must stay the first import: it configures zod before any schema module is evaluated.
import '../zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '../theme/base.css';
import './info.css';
import { registerPageServiceWorker } from '../offline/service-worker';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('information page: #root is missing');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The page shell for offline visits; the figures come from IndexedDB (./data.ts).
void registerPageServiceWorker('/info/sw.js', '/info/');
