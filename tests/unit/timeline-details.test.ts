import { describe, expect, it } from 'vitest';
import { describeDetails } from '@/components/dashboard/labels';
import { createDashboardTranslator } from '@/utils/i18n/dashboard';

const zh = createDashboardTranslator('zh-CN');
const en = createDashboardTranslator('en');

describe("the timeline's words for an imported document's event", () => {
  // As ledger-import-store.ts logs it for a row its ledger shows as 办结 on 2026-03-05.
  const details = { ledgerFile: '收文登记簿-2026.xlsx', row: 2, registrationNo: '收〔2026〕0001号', status: 'completed', completedOn: '2026-03-05', fields: { title: '关于做好春季森林防火工作的通知' }, classificationScheme: 'standard' };

  it('names the ledger file, the row, the status the ledger gave and the 办结日期, in zh-CN and English', () => {
    expect(describeDetails(details, zh, 'imported')).toEqual([
      ['收文编号', '收〔2026〕0001号'],
      ['登记簿中的状态', '办结'],
      ['登记簿文件', '收文登记簿-2026.xlsx'],
      ['行号', '2'],
      ['办结日期', '2026-03-05'],
    ]);
    expect(describeDetails(details, en, 'imported')).toContainEqual(['Completed on', '2026-03-05']);
    expect(describeDetails(details, en, 'imported')).toContainEqual(['Status in the ledger', 'Completed']);
  });

  it('keeps "status after" for the status an 撤销 leaves', () => {
    expect(describeDetails({ step: 'completed', status: 'registered', reason: '误点办结' }, zh, 'undone')).toContainEqual(['撤销后状态', '已登记']);
  });
});
