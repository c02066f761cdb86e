import { describe, expect, it } from 'vitest';
import { createTranslator, pickLanguage } from '@/utils/i18n';
import { en } from '@/utils/i18n/en';
import { zhCN } from '@/utils/i18n/zh-CN';
import { popupEn } from '@/utils/i18n/popup-en';
import { popupZhCN } from '@/utils/i18n/popup-zh-CN';
import { welcomeEn } from '@/utils/i18n/welcome-en';
import { welcomeZhCN } from '@/utils/i18n/welcome-zh-CN';
import { resolveLanguage } from '@/utils/i18n';

describe('i18n', () => {
  it('speaks Chinese first and English to English browsers', () => {
    expect(pickLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(pickLanguage(['en-US', 'zh-CN'])).toBe('en');
    expect(pickLanguage(['fr-FR'])).toBe('zh-CN');
  });

  it('has every message in both languages, none left empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const text of [...Object.values(en), ...Object.values(zhCN)]) expect(text.trim()).not.toBe('');
  });

  it('has the popup and first-run pages in both languages', () => {
    expect(Object.keys(popupEn).sort()).toEqual(Object.keys(popupZhCN).sort());
    expect(Object.keys(welcomeEn).sort()).toEqual(Object.keys(welcomeZhCN).sort());
  });

  it('follows the 界面语言 setting, the browser only on auto', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(resolveLanguage('auto', ['en-US'])).toBe('en');
    expect(resolveLanguage(undefined, ['zh-CN'])).toBe('zh-CN');
  });

  it('fills placeholders', () => {
    expect(createTranslator('zh-CN')('overlay.listCount', { count: 12 })).toBe('本页列出 12 件公文');
    expect(createTranslator('en')('overlay.listCount', { count: 12 })).toBe('12 documents listed on this page');
  });
});
