import type { DocumentDraft } from '@/utils/documents/document-schema';

export function draft(overrides: Partial<DocumentDraft> = {}): DocumentDraft {
  return {
    docNumber: '省政办发〔2026〕15号',
    title: '关于进一步加强公文处理工作的通知',
    issuer: '省人民政府办公厅',
    classification: 'confidential',
    urgency: 'urgent',
    receivedDate: '2026-11-18',
    deadline: '2026-11-28',
    sourceUrl: 'http://127.0.0.1:8080/doc-detail.html',
    ...overrides,
  };
}
