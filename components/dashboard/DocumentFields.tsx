import type { DocumentRecord } from '@/utils/documents/document-schema';
import type { DashboardKey } from '@/utils/i18n/dashboard';
import { isForecastDate, useCoveredUntil } from './calendar-coverage';
import { useEnv } from './env';
import { formatTime, isWebUrl } from './format';
import { classificationLabel, statusLabel, urgencyLabel } from './labels';

/** Every field of the record, labelled; page-supplied values are only ever text. */
export function DocumentFields({ doc }: { doc: DocumentRecord }) {
  const { t, lt } = useEnv();
  const covered = useCoveredUntil();
  const forecast = (date: string | undefined) => (date && isForecastDate(date, covered) ? `${date}（${t('deadline.forecast')}）` : date);
  const fields: [DashboardKey, string | undefined][] = [
    ['field.registrationNo', doc.registrationNo],
    ['field.status', statusLabel(doc.status, t)],
    ['field.title', doc.title],
    ['field.docNumber', doc.docNumber],
    ['field.issuer', doc.issuer],
    ['field.classification', classificationLabel(doc.classification, t)],
    ['field.classificationPeriod', doc.classificationPeriod],
    ['field.urgency', urgencyLabel(doc.urgency, t)],
    ['field.copyNumber', doc.copyNumber],
    ['field.copies', doc.copies],
    ['field.receivedDate', doc.receivedDate],
    ['field.documentDate', doc.documentDate],
    ['field.deadline', doc.deadlineWorkingDays ? forecast(doc.deadline) : doc.deadline],
    ['field.dueDate', forecast(doc.dueDate)],
    ['field.completedOn', doc.completedOn],
    ['field.currentHolder', doc.currentHolder],
    ['field.portalNo', doc.portalNo],
    ['field.source', doc.source ? lt(`source.${doc.source}`) : undefined],
    ['field.createdAt', formatTime(doc.createdAt)],
    ['field.updatedAt', formatTime(doc.updatedAt)],
  ];
  return (
    <dl class="fields" data-testid="document-fields">
      {fields.map(([label, value]) => (
        <div key={label} class="field">
          <dt>{t(label)}</dt>
          <dd>{value || '—'}</dd>
        </div>
      ))}
      <div class="field wide">
        <dt>{t('field.sourceUrl')}</dt>
        <dd>
          {doc.sourceUrl && isWebUrl(doc.sourceUrl) ? (
            <a href={doc.sourceUrl} target="_blank" rel="noopener noreferrer" title={doc.sourceUrl}>
              {t('doc.openPortal')}
            </a>
          ) : (
            doc.sourceUrl ?? '—'
          )}
        </dd>
      </div>
    </dl>
  );
}
