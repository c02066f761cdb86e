import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectDocument } from '@/utils/detect-document';
import { PAGES_DIR } from '../../sample-portal/server';

function page(name: string): Document {
  return new JSDOM(readFileSync(join(PAGES_DIR, name), 'utf8')).window.document;
}

describe('simple detector on the sample portal', () => {
  it('reads every field of the 收文处理笺', () => {
    expect(detectDocument(page('doc-detail.html'))).toEqual({
      kind: 'detail',
      fields: {
        docNumber: '省政办发〔2026〕15号',
        title: '关于进一步加强公文处理工作的通知',
        issuer: '省人民政府办公厅',
        classification: 'secret',
        urgency: 'urgent',
        receivedDate: '2026-11-18',
        deadline: '2026-11-28',
      },
    });
  });

  it('reads the form controls of the 收文登记 form, including the selected options', () => {
    expect(detectDocument(page('receive-register.html'))).toEqual({
      kind: 'registration',
      fields: {
        docNumber: '市财发〔2026〕23号',
        title: '关于做好2026年度部门预算编制工作的通知',
        issuer: '市财政局',
        classification: 'none',
        urgency: 'urgent',
        receivedDate: '2026-11-20',
        deadline: '2026-11-30',
      },
    });
  });

  it('normalises ASCII brackets in a 文号', () => {
    expect(detectDocument(page('doc-detail-3.html')).fields.docNumber).toBe('市应急发〔2026〕7号');
  });

  it('recognises the 文件传阅单 and its 归还期限', () => {
    const detection = detectDocument(page('circulation.html'));
    expect(detection.kind).toBe('circulation');
    expect(detection.fields).toMatchObject({ docNumber: '国办发〔2026〕12号', deadline: '2026-11-26' });
  });

  it('counts the documents of the 待办 list', () => {
    expect(detectDocument(page('todo.html'))).toEqual({ kind: 'list', fields: {}, rowCount: 12 });
  });

  it('finds the document in the shell’s frame page but nothing in the shell itself', () => {
    expect(detectDocument(page('shell.html')).kind).toBe('none');
    expect(detectDocument(page('shell-frame.html')).kind).toBe('detail');
  });

  it.each(['index.html', 'about.html'])('sees no document on %s', (name) => {
    expect(detectDocument(page(name))).toEqual({ kind: 'none', fields: {} });
  });
});
