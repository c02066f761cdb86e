import { en } from './en';
import { translatorFor, type Language, type MessageKey } from './index';
import { notifyEn } from './notify-en';
import { notifyZhCN, type NotifyKey } from './notify-zh-CN';
import { zhCN } from './zh-CN';

export type { NotifyKey };
/** Notifications speak their own strings and the overlay's (the app's name, levels). */
export type NotifyTranslate = (key: NotifyKey | MessageKey, params?: Record<string, string | number>) => string;

export function createNotifyTranslator(language: Language): NotifyTranslate {
  return translatorFor<NotifyKey | MessageKey>({ 'zh-CN': { ...zhCN, ...notifyZhCN }, en: { ...en, ...notifyEn } }, language);
}
