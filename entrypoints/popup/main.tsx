import '@/components/popup.css';
import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { ask } from '@/utils/background-client';
import { createTranslator, pickLanguage } from '@/utils/i18n';

const language = pickLanguage(navigator.languages);
document.documentElement.lang = language;
render(
  <Popup loadSummary={() => ask({ type: 'register.summary' })} t={createTranslator(language)} />,
  document.getElementById('app')!,
);
