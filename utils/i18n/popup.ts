import { en } from './en';
import { translatorFor, type Language, type MessageKey } from './index';
import { popupEn } from './popup-en';
import { popupZhCN, type PopupKey } from './popup-zh-CN';
import { zhCN } from './zh-CN';

export type { PopupKey };
/** The popup speaks its own strings and the overlay's (levels, statuses). */
export type PopupTranslate = (key: PopupKey | MessageKey, params?: Record<string, string | number>) => string;

export function createPopupTranslator(language: Language): PopupTranslate {
  return translatorFor<PopupKey | MessageKey>({ 'zh-CN': { ...zhCN, ...popupZhCN }, en: { ...en, ...popupEn } }, language);
}
