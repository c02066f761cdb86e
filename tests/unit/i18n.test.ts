import { describe, expect, it } from 'vitest';
import { createTranslator, pickLanguage } from '@/utils/i18n';
import { en } from '@/utils/i18n/en';
import { zhCN } from '@/utils/i18n/zh-CN';

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

  it('fills placeholders', () => {
    expect(createTranslator('zh-CN')('overlay.listCount', { count: 12 })).toBe('本页列出 12 件公文');
    expect(createTranslator('en')('overlay.listCount', { count: 12 })).toBe('12 documents listed on this page');
  });
});
