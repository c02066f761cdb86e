import type { AuditReport, Contradiction } from '@/utils/register/log-audit';
import { CLOCK_TOLERANCE_MS } from '@/utils/register/log-audit';
import { formatTime } from './format';
import { isEventType, replayedFieldLabel, replayedValue } from './labels';
import { useEnv } from './env';

/** Per document field: what the record holds and what replaying its log gives. */
export function ContradictionTable({ contradictions, testId = 'audit-contradictions' }: { contradictions: readonly Contradiction[]; testId?: string }) {
  const { t } = useEnv();
  return (
    <table class="audit-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('audit.document')}</th>
          <th>{t('audit.field')}</th>
          <th>{t('audit.record')}</th>
          <th>{t('audit.log')}</th>
        </tr>
      </thead>
      <tbody>
        {contradictions.map((c) => (
          <tr key={`${c.docId}/${c.field}`} data-doc={c.docId} data-field={c.field}>
            <td>{c.registrationNo ?? c.docId}</td>
            <td>{replayedFieldLabel(c.field, t)}</td>
            <td>{replayedValue(c.field, c.record, t)}</td>
            <td>{replayedValue(c.field, c.log, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What verify found beyond the chain itself: records the log contradicts, times going backwards. */
export function AuditFindings({ audit }: { audit: AuditReport }) {
  const { t } = useEnv();
  if (!audit.contradictionCount && !audit.timeWarps.length) {
    return <span class="muted" data-testid="audit-result" data-state="clean">{t('audit.clean', { documents: audit.documents })}</span>;
  }
  return (
    <div class="audit broken" data-testid="audit-result" data-state="contradicted" role="alert">
      {audit.contradictionCount > 0 && (
        <>
          <strong>{t('audit.contradictions', { count: audit.contradictionCount })}</strong>
          <ContradictionTable contradictions={audit.contradictions} />
          {audit.contradictionCount > audit.contradictions.length && <p class="muted">{t('audit.more', { count: audit.contradictionCount - audit.contradictions.length })}</p>}
        </>
      )}
      {audit.timeWarps.length > 0 && (
        <>
          <strong>{t('audit.timeWarps', { minutes: CLOCK_TOLERANCE_MS / 60_000, count: audit.timeWarps.length })}</strong>
          <ul data-testid="audit-time-warps">
            {audit.timeWarps.map((w) => (
              <li key={w.sequence} data-sequence={w.sequence}>
                {t('audit.timeWarp', {
                  sequence: w.sequence,
                  type: isEventType(w.type) ? t(`event.${w.type}`) : w.type,
                  time: formatTime(w.timestamp),
                  previous: w.previousSequence,
                  previousTime: formatTime(w.previousTimestamp),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
