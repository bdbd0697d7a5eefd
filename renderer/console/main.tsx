// Must stay the first import: it configures zod before any schema module is evaluated.
import '../zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '../theme/base.css';
import './console.css';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('console page: #root is missing');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
