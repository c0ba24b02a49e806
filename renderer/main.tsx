import './zod-config';
import './i18n';
import './styles.css';
import './styles/controls.css';
import './styles/triage.css';
import './styles/tables.css';
import './styles/detail.css';
import './styles/security.css';
import './styles/duplicates.css';
import './styles/aid.css';
import './styles/partners.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('The #root element is missing from index.html.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
