import { useCallback, useEffect, useState } from 'preact/hooks';
import { OPEN_STATUSES } from '@/utils/documents/document-schema';
import type { ResponseData } from '@/utils/messaging/protocol';
import { CirculationTable } from './CirculationTable';
import { DocumentActions } from './DocumentActions';
import { DocumentFields } from './DocumentFields';
import { messageOf, useEnv } from './env';
import { SnoozeControl } from './SnoozeControl';
import { slipHash } from './route';
import { Timeline } from './Timeline';
import { CorrectionForm } from '../ledger/CorrectionForm';
import { SendForm } from '../ledger/SendForm';
import { UndoControl } from '../ledger/UndoControl';
import { SupervisionPanel } from '../ledger/SupervisionPanel';

export type History = ResponseData<'document.history'>;

/** One document: its fields, where it is, what can be done to it, and everything logged about it. */
export function DocumentPage({ id }: { id: string }) {
  const { ask, t, pt } = useEnv();
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      ask({ type: 'document.history', docId: id })
        .then((data) => {
          setHistory(data);
          setError(null);
        })
        .catch((e: unknown) => setError(messageOf(e))),
    [ask, id],
  );
  useEffect(() => void reload(), [reload]);

  const open = history && (OPEN_STATUSES as readonly string[]).includes(history.document.status);
  return (
    <section class="document-page" data-testid="document-page">
      <div class="page-head">
        <a class="back" href="#/">← {t('doc.back')}</a>
        <a class="print-link" href={slipHash(id)} data-testid="print-slip-link">{pt('print.open.slip')}</a>
      </div>
      {error && <p class="error" role="alert">{t('doc.error', { message: error })}</p>}
      {!history && !error && <p class="muted">{t('loading')}</p>}
      {history && (
        <>
          <h1>
            <span class="regno">{history.document.registrationNo}</span> <span class="doc-title">{history.document.title}</span>
          </h1>
          <DocumentFields doc={history.document} />
          <CorrectionForm key={history.document.updatedAt} doc={history.document} onDone={reload} />
          {open && <SnoozeControl docId={id} reminder={history.reminder} />}
          <CirculationTable docId={id} circulation={history.circulation} onChanged={reload} />
          <SendForm docId={id} status={history.document.status} onDone={reload} />
          <SupervisionPanel key={history.document.updatedAt} doc={history.document} events={history.events} onDone={reload} />
          <DocumentActions
            docId={id}
            status={history.document.status}
            onChanged={reload}
            holders={history.circulation.filter((r) => r.returnedAt === undefined).map((r) => r.recipient)}
          />
          <UndoControl key={history.events.length} docId={id} events={history.events} onDone={reload} />
          <Timeline events={history.events} />
        </>
      )}
    </section>
  );
}
