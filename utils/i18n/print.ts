import { translatorFor, type Language } from './index';
import { printEn } from './print-en';
import { printZhCN, type PrintKey } from './print-zh-CN';

export type PrintTranslate = (key: PrintKey, params?: Record<string, string | number>) => string;

export function createPrintTranslator(language: Language): PrintTranslate {
  return translatorFor<PrintKey>({ 'zh-CN': printZhCN, en: printEn }, language);
}
