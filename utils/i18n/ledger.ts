import { ledgerEn } from './ledger-en';
import { ledgerZhCN, type LedgerKey } from './ledger-zh-CN';
import { translatorFor, type Language } from './index';

export type { LedgerKey };
export type LedgerTranslate = (key: LedgerKey, params?: Record<string, string | number>) => string;

const DICTIONARIES: Record<Language, Record<LedgerKey, string>> = { 'zh-CN': ledgerZhCN, en: ledgerEn };

export function createLedgerTranslator(language: Language): LedgerTranslate {
  return translatorFor(DICTIONARIES, language);
}
