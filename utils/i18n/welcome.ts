import { translatorFor, type Language } from './index';
import { welcomeEn } from './welcome-en';
import { welcomeZhCN, type WelcomeKey } from './welcome-zh-CN';

export type WelcomeTranslate = (key: WelcomeKey, params?: Record<string, string | number>) => string;

export function createWelcomeTranslator(language: Language): WelcomeTranslate {
  return translatorFor<WelcomeKey>({ 'zh-CN': welcomeZhCN, en: welcomeEn }, language);
}
