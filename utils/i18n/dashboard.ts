import { dashboardEn } from './dashboard-en';
import { dashboardZhCN, type DashboardKey } from './dashboard-zh-CN';
import { resolveLanguage, translatorFor, type Language } from './index';

export type { DashboardKey };
export type DashboardTranslate = (key: DashboardKey, params?: Record<string, string | number>) => string;

const DICTIONARIES: Record<Language, Record<DashboardKey, string>> = { 'zh-CN': dashboardZhCN, en: dashboardEn };

export function createDashboardTranslator(language: Language): DashboardTranslate {
  return translatorFor(DICTIONARIES, language);
}

export { resolveLanguage };
