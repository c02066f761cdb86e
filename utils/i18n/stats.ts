import { statsEn } from './stats-en';
import { statsZhCN, type StatsKey } from './stats-zh-CN';
import { translatorFor, type Language } from './index';

export type { StatsKey };
export type StatsTranslate = (key: StatsKey, params?: Record<string, string | number>) => string;

const DICTIONARIES: Record<Language, Record<StatsKey, string>> = { 'zh-CN': statsZhCN, en: statsEn };

export function createStatsTranslator(language: Language): StatsTranslate {
  return translatorFor(DICTIONARIES, language);
}
