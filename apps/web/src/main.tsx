// First: the language is detected and the shared strings registered before anything renders.
import './shared/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.component';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no element with id "root".');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
