import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { syncDocumentLang } from './i18n/locale';
import './styles/base.css';
import './styles/forms.css';
import './styles/board.css';
import './styles/note.css';
import './styles/panels.css';
import './styles/bin.css';
import './styles/timer.css';
import './styles/silent.css';
import './styles/steps.css';
import './styles/question.css';
import './styles/issues.css';
import './styles/axes.css';
import './styles/actions.css';
import './styles/plan.css';
import './styles/votes.css';
import './styles/export.css';
// Last: phones and tablets adjust the rules above.
import './styles/small-screens.css';

syncDocumentLang();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
