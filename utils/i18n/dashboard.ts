import { dashboardEn } from './dashboard-en';
import { dashboardZhCN, type DashboardKey } from './dashboard-zh-CN';
import { pickLanguage, translatorFor, type Language } from './index';

export type { DashboardKey };
export type DashboardTranslate = (key: DashboardKey, params?: Record<string, string | number>) => string;

const DICTIONARIES: Record<Language, Record<DashboardKey, string>> = { 'zh-CN': dashboardZhCN, en: dashboardEn };

export function createDashboardTranslator(language: Language): DashboardTranslate {
  return translatorFor(DICTIONARIES, language);
}

/** The language setting ('auto' follows the browser) as the language to show. */
export function resolveLanguage(setting: Language | 'auto' | undefined, preferred: readonly string[]): Language {
  return setting && setting !== 'auto' ? setting : pickLanguage(preferred);
}
