import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Language = 'zh-CN' | 'en';
export type { MessageKey };

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** zh-CN unless the browser prefers English before any Chinese variant. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    if (/^zh\b/i.test(tag)) return 'zh-CN';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'zh-CN';
}

/** The language setting ('auto' follows the browser) as the language to show. */
export function resolveLanguage(setting: unknown, preferred: readonly string[]): Language {
  return setting === 'zh-CN' || setting === 'en' ? setting : pickLanguage(preferred);
}

/**
 * Where the background mirrors the clerk's 界面语言 setting ('auto' | 'zh-CN' | 'en') in storage.local, so the popup,
 * the overlay and the picker read it without a round trip to the register.
 */
export const LANGUAGE_KEY = 'settings.language';
/** The preset reasons of the print/copy/download prompt, mirrored the same way. */
export const PRESETS_KEY = 'settings.reasonPresets';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The overlay's English dictionary, which the background writes to storage.local at every start: the content script
 * bundles only the zh-CN one and reads English from there (about 2 KB gzipped of its 40 KB budget). Pages cannot
 * read or write the extension's storage.
 */
export const OVERLAY_ENGLISH_KEY = 'i18n.overlay.en';

/** A translator over one dictionary; `fallback` answers any key the dictionary lacks (an older or partial copy). */
export function translatorOver<K extends string>(
  dictionary: Partial<Record<K, unknown>>,
  fallback: Record<K, string>,
): (key: K, params?: Record<string, string | number>) => string {
  // Without params the text is returned as is: exports call this millions of times.
  return (key, params) => {
    const own = dictionary[key];
    const text = typeof own === 'string' ? own : fallback[key];
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
  };
}

export function createTranslator(language: Language): Translate {
  return translatorFor(DICTIONARIES, language);
}

/** A translator over any pair of dictionaries with the same keys (each surface keeps its own, so the content script carries only the overlay's strings). */
export function translatorFor<K extends string>(
  dictionaries: Record<Language, Record<K, string>>,
  language: Language,
): (key: K, params?: Record<string, string | number>) => string {
  return translatorOver(dictionaries[language], dictionaries[language]);
}
