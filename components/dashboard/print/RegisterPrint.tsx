import { useEffect, useState } from 'preact/hooks';
import type { DocumentRecord } from '@/utils/documents/document-schema';
import { formatTime } from '../format';
import { classificationLabel, statusLabel, urgencyLabel } from '../labels';
import { registerHash, toQuery, type RegisterParams } from '../route';
import { useEnv } from '../env';
import { isForecastDate, useCoveredUntil } from '../calendar-coverage';
import { PrintBar } from './PrintBar';
import { HeadMark } from './HeadMark';
import type { ChainHead } from '@/utils/register/hash-chain';

/** More than this does not belong on paper in one go: the clerk narrows the filter and prints in parts. */
export const PRINT_LIMIT = 2000;

interface Loaded {
  rows: DocumentRecord[];
  total: number;
  department: string;
  clerk: string;
  head: ChainHead;
  headTime?: number;
}

/** 收文登记簿 on A4 landscape: the register (as filtered on screen) with the columns of the paper book. */
export function RegisterPrint({ params }: { params: RegisterParams }) {
  const { ask, t, pt, now } = useEnv();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const covered = useCoveredUntil();
  // A deadline counted in working days past the official arrangement is a forecast: marked in its cell, explained below.
  const forecast = (doc: DocumentRecord) => !!doc.deadlineWorkingDays && isForecastDate(doc.deadline, covered);

  useEffect(() => {
    let live = true;
    void (async () => {
      // The head is printed when the background gives it; the register prints without it otherwise.
      const [{ settings }, head] = await Promise.all([ask({ type: 'settings.get' }), ask({ type: 'chain.head' }).catch(() => ({ sequence: 0, hash: '', headTime: undefined }))]);
      const rows: DocumentRecord[] = [];
      let total = 0;
      const sort = params.sort === 'createdAt' ? 'registrationNo' : params.sort;
      const direction = params.sort === 'createdAt' ? 'asc' : params.direction;
      do {
        const page = await ask({
          type: 'register.query',
          query: { ...toQuery(params), sort, direction, offset: rows.length, limit: 500 },
        });
        total = page.total;
        rows.push(...page.rows);
        if (!page.rows.length) break;
      } while (rows.length < Math.min(total, PRINT_LIMIT));
      if (live) setLoaded({ rows: rows.slice(0, PRINT_LIMIT), total, department: settings.department, clerk: settings.clerkName, head: { sequence: head.sequence, hash: head.hash }, headTime: head.headTime });
    })();
    return () => {
      live = false;
    };
  }, [ask, params]);

  if (!loaded) return <p class="muted">{pt('print.loading')}</p>;
  const dates = loaded.rows.map((d) => d.receivedDate).filter((d): d is string => !!d).sort();
  return (
    <article class="print-sheet landscape" data-testid="print-register">
      <PrintBar
        back={registerHash(params)}
        beforePrint={async () => {
          // Printing the register takes a checkpoint: the head on the paper is the one recorded.
          const { checkpoint } = await ask({ type: 'checkpoint.record', reason: 'print' });
          if (checkpoint) setLoaded((l) => l && { ...l, head: { sequence: checkpoint.sequence, hash: checkpoint.hash }, headTime: checkpoint.headTime });
        }}
      />
      <h1 class="form-title">{pt('print.register.title')}</h1>
      <div class="form-meta">
        <span>{loaded.department && pt('print.register.unit', { department: loaded.department })}</span>
        <span>{dates.length > 0 && pt('print.register.range', { from: params.from ?? dates[0]!, to: params.to ?? dates.at(-1)! })}</span>
        <span>{pt('print.register.count', { count: loaded.total })}</span>
      </div>
      {loaded.total > loaded.rows.length && <p class="print-warning">{pt('print.register.truncated', { shown: loaded.rows.length, total: loaded.total })}</p>}
      <table class="paper register-book">
        <thead>
          <tr>
            <th>{t('field.registrationNo')}</th>
            <th>{t('field.receivedDate')}</th>
            <th>{t('field.issuer')}</th>
            <th>{t('field.docNumber')}</th>
            <th class="title-col">{t('field.title')}</th>
            <th>{t('field.classification')}</th>
            <th>{t('field.copies')}</th>
            <th>{t('field.copyNumber')}</th>
            <th>{t('field.urgency')}</th>
            <th>{t('field.deadline')}</th>
            <th>{t('field.currentHolder')}</th>
            <th>{t('field.status')}</th>
            <th class="blank-col">{pt('print.register.remarks')}</th>
          </tr>
        </thead>
        <tbody>
          {loaded.rows.map((doc) => (
            <tr key={doc.id}>
              <td class="nowrap">{doc.registrationNo}</td>
              <td class="nowrap">{doc.receivedDate ?? ''}</td>
              <td>{doc.issuer ?? ''}</td>
              <td>{doc.docNumber ?? ''}</td>
              <td class="title-col">{doc.title}</td>
              <td class="nowrap">{classificationLabel(doc.classification, t)}</td>
              <td class="num">{doc.copies ?? ''}</td>
              <td class="nowrap">{doc.copyNumber ?? ''}</td>
              <td class="nowrap">{urgencyLabel(doc.urgency, t)}</td>
              <td class="nowrap">
                {doc.deadline ?? ''}
                {forecast(doc) && <sup class="forecast-mark" data-testid="print-forecast-mark">{pt('print.register.forecastMark')}</sup>}
              </td>
              <td>{doc.currentHolder ?? ''}</td>
              <td class="nowrap">{statusLabel(doc.status, t)}</td>
              <td class="blank-col" />
            </tr>
          ))}
        </tbody>
      </table>
      {covered !== undefined && loaded.rows.some(forecast) && (
        <p class="print-note" data-testid="print-forecast-note">
          {pt('print.register.forecastNote', { mark: pt('print.register.forecastMark'), note: t('deadline.forecast'), year: covered + 1 })}
        </p>
      )}
      <footer class="form-foot">
        <span>{loaded.clerk && pt('print.clerk', { name: loaded.clerk })}</span>
        <span>{pt('print.printedAt', { time: formatTime(now().getTime()) })}</span>
      </footer>
      <HeadMark head={loaded.head} headTime={loaded.headTime} />
    </article>
  );
}
