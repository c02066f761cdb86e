import { translatorFor, type Language } from './index';
import { teachEn } from './teach-en';
import { teachZhCN, type TeachKey } from './teach-zh-CN';

export type { TeachKey };
export type TeachTranslate = (key: TeachKey, params?: Record<string, string | number>) => string;

export function createTeachTranslator(language: Language): TeachTranslate {
  return translatorFor<TeachKey>({ 'zh-CN': teachZhCN, en: teachEn }, language);
}
