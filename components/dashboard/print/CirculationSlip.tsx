import { useEffect, useState } from 'preact/hooks';
import type { ResponseData } from '@/utils/messaging/protocol';
import { formatTime } from '../format';
import { classificationLabel, urgencyLabel } from '../labels';
import { messageOf, useEnv } from '../env';
import { PrintBar } from './PrintBar';

type History = ResponseData<'document.history'>;

/** Rows for readers' handwriting beyond those already sent to: a slip goes round with blank lines. */
const BLANK_ROWS = 3;

/** 文件传阅单 on A4 portrait: the document's elements, who read it and when it came back, room for signatures and instructions. */
export function CirculationSlip({ id }: { id: string }) {
  const { ask, t, pt, now } = useEnv();
  const [history, setHistory] = useState<History | null>(null);
  const [clerk, setClerk] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([ask({ type: 'document.history', docId: id }), ask({ type: 'settings.get' })])
      .then(([h, s]) => {
        setHistory(h);
        setClerk(s.settings.clerkName);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }, [ask, id]);

  if (error) return <p class="error" role="alert">{t('error.background', { message: error })}</p>;
  if (!history) return <p class="muted">{pt('print.loading')}</p>;
  const doc = history.document;
  const cell = (label: string, value: string | undefined, span = 1) => [
    <th key={`${label}-h`}>{label}</th>,
    <td key={`${label}-v`} colSpan={span}>{value ?? ''}</td>,
  ];
  return (
    <article class="print-sheet portrait" data-testid="print-slip">
      <PrintBar back={`#/doc/${encodeURIComponent(id)}`} />
      <h1 class="form-title">{pt('print.slip.title')}</h1>
      <table class="paper slip-head">
        <tbody>
          <tr>{cell(t('field.registrationNo'), doc.registrationNo)}{cell(t('field.receivedDate'), doc.receivedDate)}</tr>
          <tr>{cell(t('field.issuer'), doc.issuer)}{cell(t('field.docNumber'), doc.docNumber)}</tr>
          <tr>{cell(t('field.title'), doc.title, 3)}</tr>
          <tr>
            {cell(t('field.classification'), [classificationLabel(doc.classification, t), doc.classificationPeriod].filter(Boolean).join(' ★'))}
            {cell(t('field.urgency'), urgencyLabel(doc.urgency, t))}
          </tr>
          <tr>{cell(t('field.copies'), doc.copies)}{cell(t('field.deadline'), doc.deadline)}</tr>
        </tbody>
      </table>
      <h2 class="form-section">{pt('print.slip.circulation')}</h2>
      <table class="paper slip-readers">
        <thead>
          <tr>
            <th>{pt('print.slip.index')}</th>
            <th>{pt('print.slip.reader')}</th>
            <th>{pt('print.slip.purpose')}</th>
            <th>{pt('print.slip.sentAt')}</th>
            <th>{pt('print.slip.due')}</th>
            <th>{pt('print.slip.returnedAt')}</th>
            <th class="signature">{pt('print.slip.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {history.circulation.map((r, index) => (
            <tr key={index}>
              <td class="num">{index + 1}</td>
              <td>{r.recipient}</td>
              <td>{t(`purpose.${r.purpose}`)}</td>
              <td class="nowrap">{formatTime(r.sentAt)}</td>
              <td class="nowrap">{r.expectedReturn ?? ''}</td>
              <td class="nowrap">{r.returnedAt !== undefined ? formatTime(r.returnedAt) : ''}</td>
              <td class="signature" />
            </tr>
          ))}
          {Array.from({ length: BLANK_ROWS }, (_, i) => (
            <tr key={`blank-${i}`} class="blank-row">
              <td class="num">{history.circulation.length + i + 1}</td>
              <td /><td /><td /><td /><td /><td class="signature" />
            </tr>
          ))}
        </tbody>
      </table>
      <table class="paper slip-boxes">
        <tbody>
          <tr><th>{pt('print.slip.opinion')}</th><td class="box" /></tr>
          <tr><th>{pt('print.slip.instruction')}</th><td class="box tall" /></tr>
          <tr><th>{pt('print.slip.result')}</th><td class="box" /></tr>
        </tbody>
      </table>
      <p class="slip-note">{pt('print.slip.note')}</p>
      <footer class="form-foot">
        <span>{clerk && pt('print.clerk', { name: clerk })}</span>
        <span>{pt('print.printedAt', { time: formatTime(now().getTime()) })}</span>
      </footer>
    </article>
  );
}
