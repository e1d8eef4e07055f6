// Global styles first, so each feature's stylesheet (imported by its components) can refine them.
import './styles/theme.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/components.css';
import './styles/forms.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/app/App.tsx';
import { startStore, useStore } from './store/index.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startStore().catch((error: unknown) => {
  useStore.setState({ loadError: error instanceof Error ? error.message : String(error) });
});
