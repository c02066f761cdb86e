import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromAnalysis } from '@/utils/page-analysis/draft';
import { PAGES_DIR } from '../../sample-portal/server';
import { analyzeHtml } from '../../tools/analyze-file';

const URL_BASE = 'http://127.0.0.1:8080/';
const analyze = (name: string) => analyzeHtml(readFileSync(join(PAGES_DIR, name), 'utf8'), URL_BASE + name);

describe('the sample portal as the content script sees it', () => {
  it('reads every field of the 收文处理笺 and proposes a register entry', () => {
    const analysis = analyze('doc-detail.html');
    expect(analysis.kind).toBe('detail');
    expect(analysis.fields).toMatchObject({
      registrationNo: 'SW-2026-0451',
      docNumber: '省政办发〔2026〕15号',
      title: '关于进一步加强公文处理工作的通知',
      issuer: '省人民政府办公厅',
      classification: 'confidential',
      classificationPeriod: '5年',
      urgency: 'urgent',
      copyNumber: '000123',
      copies: '2',
      receivedDate: '2026-11-18',
      deadline: '2026-11-28',
    });
    expect(draftFromAnalysis(analysis, URL_BASE + 'doc-detail.html')).toEqual({
      docNumber: '省政办发〔2026〕15号',
      title: '关于进一步加强公文处理工作的通知',
      issuer: '省人民政府办公厅',
      classification: 'confidential',
      classificationPeriod: '5年',
      urgency: 'urgent',
      copyNumber: '000123',
      copies: '2',
      receivedDate: '2026-11-18',
      deadline: '2026-11-28',
      portalNo: 'SW-2026-0451',
      sourceUrl: URL_BASE + 'doc-detail.html',
    });
  });

  it.each([
    ['receive-register.html', 'registration'],
    ['doc-detail-2.html', 'detail'],
    ['doc-detail-3.html', 'detail'],
    ['doc-detail-2027.html', 'detail'],
    ['doc-hostile.html', 'detail'],
    ['circulation.html', 'circulation'],
    ['shell-frame.html', 'detail'],
    ['todo.html', 'list'],
    ['shell.html', 'none'],
    ['index.html', 'none'],
    ['about.html', 'none'],
  ])('%s is a %s page', (name, kind) => {
    expect(analyze(name).kind).toBe(kind);
  });

  it('lists the twelve documents of the 待办 page', () => {
    const { rows } = analyze('todo.html');
    expect(rows).toHaveLength(12);
    expect(rows![0]).toMatchObject({ docNumber: '市应急发〔2026〕7号', urgency: 'very-urgent', deadline: '2026-11-24' });
  });

  it('proposes nothing to register on a list or a non-document page', () => {
    expect(draftFromAnalysis(analyze('todo.html'), URL_BASE)).toBeNull();
    expect(draftFromAnalysis(analyze('about.html'), URL_BASE)).toBeNull();
  });
});
