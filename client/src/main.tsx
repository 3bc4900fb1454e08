import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { syncDocumentLang } from './i18n/locale';
// Every stylesheet, in the cascade's order (see styles/index.ts).
import './styles';

syncDocumentLang();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
