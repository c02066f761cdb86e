import { describe, expect, it } from 'vitest';
import {
  classificationPeriod,
  findDocNumber,
  normaliseClassification,
  normaliseDate,
  normaliseDocNumber,
  normaliseLabel,
  normaliseUrgency,
} from '@/utils/page-analysis/normalise';

describe('normalising what the page shows', () => {
  it.each([
    ['来 文 单 位：', '来文单位'],
    ['密\u3000\u3000级', '密级'],
    ['*文件标题:', '文件标题'],
    ['\u00a0办理期限\u00a0', '办理期限'],
  ])('label %j reads as %j', (raw, expected) => expect(normaliseLabel(raw)).toBe(expected));

  it.each([
    ['市应急发[2026]7号', '市应急发〔2026〕7号'],
    ['厦门【2026】12号', '厦门〔2026〕12号'],
    ['国办发（2026）1号', '国办发〔2026〕1号'],
    ['国办发(2026)1号', '国办发〔2026〕1号'],
    ['京政发﹝2026﹞3号', '京政发〔2026〕3号'],
    [' 省政办发〔2026〕15号\t', '省政办发〔2026〕15号'],
  ])('文号 %j becomes %j', (raw, expected) => expect(normaliseDocNumber(raw)).toBe(expected));

  it.each([
    ['秘密★5年', 'confidential'],
    ['机密*10年', 'secret'],
    ['绝密★', 'top-secret'],
    ['内部', 'internal'],
    ['非密', 'none'],
  ] as const)('密级 %j is %s', (raw, expected) => expect(normaliseClassification(raw)).toBe(expected));

  it.each([
    ['特提', 'flash'],
    ['特急', 'very-urgent'],
    ['加急', 'urgent'],
    ['平件', 'normal'],
  ] as const)('紧急程度 %j is %s', (raw, expected) => expect(normaliseUrgency(raw)).toBe(expected));

  it.each([
    ['2026-11-28', '2026-11-28'],
    ['2026-3-2 09:15', '2026-03-02'],
    ['2026.3.2', '2026-03-02'],
    ['2026/03/02', '2026-03-02'],
    ['2026年3月2日', '2026-03-02'],
  ])('date %j is %s', (raw, expected) => expect(normaliseDate(raw)).toBe(expected));

  it('rejects dates that do not exist instead of rolling them over', () => {
    expect(normaliseDate('2026-02-30')).toBeUndefined();
    expect(normaliseDate('下周一')).toBeUndefined();
  });
});

describe('normalising harder page text', () => {
  it.each([
    ['二〇二六年三月二日', '2026-03-02'],
    ['二〇二六年十月二十八日', '2026-10-28'],
    ['二〇二六年十一月三十日', '2026-11-30'],
    ['20260302', '2026-03-02'],
  ])('Chinese-numeral and packed date %j is %s', (raw, expected) => expect(normaliseDate(raw)).toBe(expected));

  it('reads `3月10日前` in the year of the document', () => {
    expect(normaliseDate('3月10日前', 2026)).toBe('2026-03-10');
    expect(normaliseDate('3月10日前')).toBeUndefined();
  });

  it('takes the 保密期限 from the 密级 line', () => {
    expect(classificationPeriod('秘密★5年')).toBe('5年');
    expect(classificationPeriod('机密*10年')).toBe('10年');
    expect(classificationPeriod('秘密★6个月')).toBe('6个月');
    expect(classificationPeriod('绝密★')).toBeUndefined();
  });

  it('reads no level from text that offers several (a field description, not a document)', () => {
    expect(normaliseClassification('下拉框（公开/内部/秘密）')).toBeUndefined();
    expect(normaliseUrgency('平件/加急/特急')).toBeUndefined();
    expect(normaliseClassification('内部公开')).toBe('internal');
  });

  it('finds no 文号 in a sentence, only in a value', () => {
    expect(normaliseDocNumber('根据国办发〔2026〕12号精神')).toBeUndefined();
    expect(findDocNumber('湖政〔2026〕11号 签发人：沈建华')).toBe('湖政〔2026〕11号');
  });
});
