import 'fake-indexeddb/auto';
import { extensionPage } from '../support/senders';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { draftFromAnalysis } from '@/utils/page-analysis/draft';
import { createMessageHandler } from '@/utils/messaging/message-handler';
import { analyzePage } from '@/utils/page-analysis/analyze-page';
import { fieldValue } from '@/utils/page-analysis/field-values';
import { openRegister } from '@/utils/register/register-db';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>收文处理笺</title></head><body>
<h2>收文处理笺</h2>
<table class="form">
  <tr><th>来文单位</th><td>省人民政府办公厅</td><th>文号</th><td>省政办发〔2026〕96号</td></tr>
  <tr><th>标题</th><td colspan="3">关于做好国庆节期间值班值守工作的通知</td></tr>
  <tr><th>密级</th><td>非密</td><th>紧急程度</th><td>急件</td></tr>
  <tr><th>收文日期</th><td>2026-09-29</td><th>办理期限</th><td>收文后5个工作日内办结</td></tr>
</table></body></html>`;

describe('办理期限 given in working days', () => {
  it('reads "N 个工作日" in Arabic or Chinese numerals and leaves real dates alone', () => {
    expect(fieldValue('deadline', '收文后5个工作日内办结')).toBe('5个工作日');
    expect(fieldValue('deadline', '三个工作日')).toBe('3个工作日');
    expect(fieldValue('deadline', '十个工作日内')).toBe('10个工作日');
    expect(fieldValue('deadline', '2026年10月9日前')).toBe('2026-10-09');
    expect(fieldValue('deadline', '工作日')).toBeUndefined();
  });

  it('becomes a date on registration: 5 working days from 9-29 crosses the National Day holiday to the 调休 Saturday 10-10', async () => {
    const dom = new JSDOM(PAGE, { url: 'http://oa.example.gov.cn/doc?id=96' });
    const analysis = analyzePage(dom.window.document, dom.window.location.href);
    const draft = draftFromAnalysis(analysis, dom.window.location.href)!;
    expect(draft).toMatchObject({ deadlineWorkingDays: 5, receivedDate: '2026-09-29' });
    expect(draft.deadline).toBeUndefined();
    const db = await openRegister('doctrail-working-deadline');
    const handle = createMessageHandler({ db: async () => db, now: () => new Date(2026, 8, 29, 10), extensionId: 'me' });
    const answer = await handle({ type: 'document.register', draft }, extensionPage('me'));
    // 9-30 (1), 10-01…10-07 holiday, 10-08 (2), 10-09 (3), 10-10 Saturday make-up workday (4), 10-11 Sunday, 10-12 (5)
    expect(answer).toMatchObject({ ok: true, data: { state: { document: { deadline: '2026-10-12', dueDate: '2026-10-12', deadlineWorkingDays: 5 } } } });
    db.close();
  });

  it('counts "due soon" in working days: registered on a Friday, a Monday deadline is one working day away', async () => {
    const db = await openRegister('doctrail-working-due');
    const handle = createMessageHandler({ db: async () => db, now: () => new Date(2026, 10, 20, 10), extensionId: 'me' });
    const answer = await handle(
      { type: 'document.register', draft: { title: '关于报送统计报表的通知', deadline: '2026-11-23', classification: 'none', sourceUrl: 'http://oa.example.gov.cn/doc?id=7' } },
      extensionPage('me'),
    );
    expect(answer).toMatchObject({ ok: true, data: { state: { due: { date: '2026-11-23', state: 'due-soon', daysLeft: 3, workingDaysLeft: 1 } } } });
    db.close();
  });
});
