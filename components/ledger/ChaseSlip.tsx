import { useEffect, useState } from 'preact/hooks';
import { toIsoDate } from '@/utils/deadlines/local-date';
import type { ResponseData } from '@/utils/messaging/protocol';
import { messageOf, useEnv } from '../dashboard/env';

/** 催办单: one page to hand or fax to the 承办单位, from the document's 督办 terms and its 反馈 so far. */
export function ChaseSlip({ id }: { id: string }) {
  const { ask, t, lt, now } = useEnv();
  const [history, setHistory] = useState<ResponseData<'document.history'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ask({ type: 'document.history', docId: id }).then(setHistory, (e: unknown) => setError(messageOf(e)));
  }, [ask, id]);
  if (error) return <p class="error" role="alert">{t('error.background', { message: error })}</p>;
  if (!history) return <p class="muted">{t('loading')}</p>;
  const { document: doc, events } = history;
  const s = doc.supervision;
  const last = events.filter((e) => e.type === 'feedback').at(-1);
  return (
    <section class="chase-slip" data-testid="chase-slip">
      <button type="button" class="no-print" onClick={() => window.print()}>{lt('sup.chasePrint')}</button>
      <h1>{lt('chase.title')}</h1>
      <table>
        <tbody>
          <tr><th>{lt('chase.to')}</th><td>{s?.unit ?? '—'}{s?.handler ? ` · ${s.handler}` : ''}</td></tr>
          <tr><th>{lt('chase.doc')}</th><td>{doc.registrationNo} {doc.docNumber ?? ''} {doc.title}</td></tr>
          <tr><th>{lt('chase.requirement')}</th><td>{s?.requirement ?? '—'}</td></tr>
          <tr><th>{lt('chase.due')}</th><td>{s?.dueDate ?? '—'}</td></tr>
          <tr><th>{lt('chase.state')}</th><td>{last ? `${String(last.details.date ?? '')} ${String(last.details.text ?? '')}` : '—'}</td></tr>
        </tbody>
      </table>
      <p>{lt('chase.text')}</p>
      <p>{lt('chase.signature')}</p>
      <p class="muted">{toIsoDate(now())}</p>
    </section>
  );
}
