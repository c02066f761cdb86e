import { useState } from 'preact/hooks';
import { parseHolidayNotice, type NoticeItem } from '@/utils/deadlines/holiday-notice';
import type { CalendarFile } from '@/utils/deadlines/working-days';
import type { ResponseData } from '@/utils/messaging/protocol';
import { forgetCoverage } from './calendar-coverage';
import { messageOf, useEnv } from './env';
import { NoticePreview } from './NoticePreview';

type CalendarInfo = Pick<ResponseData<'calendar.import'>, 'coveredUntil' | 'importedYears'>;
type Status =
  | { phase: 'idle' }
  | { phase: 'importing' }
  | { phase: 'done'; moved: number }
  | { phase: 'failed'; message: string }
  | { phase: 'preview'; year: number; file: CalendarFile; items: NoticeItem[] };

/**
 * How far the holiday calendar reaches, and two ways to extend it: paste the State Council's notice (read, shown as a
 * calendar to confirm, then saved) or import a chinese-days JSON file.
 */
export function CalendarSection({ initial }: { initial: CalendarInfo }) {
  const { ask, t } = useEnv();
  const [info, setInfo] = useState(initial);
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const [notice, setNotice] = useState('');

  const save = async (file: unknown) => {
    setStatus({ phase: 'importing' });
    try {
      const answer = await ask({ type: 'calendar.import', file });
      forgetCoverage();
      setInfo(answer);
      setStatus({ phase: 'done', moved: answer.movedDeadlines });
      setNotice('');
    } catch (error) {
      setStatus({ phase: 'failed', message: messageOf(error) });
    }
  };

  const load = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      setStatus({ phase: 'failed', message: t('calendar.notJson', { message: messageOf(error) }) });
      return;
    } finally {
      input.value = '';
    }
    await save(parsed);
  };

  const read = () => {
    const result = parseHolidayNotice(notice, new Date().getFullYear() + 1);
    if (result.ok) setStatus({ phase: 'preview', year: result.year, file: result.file, items: result.items });
    else {
      const [key, detail] = result.message.split(':');
      const message = key === 'notice.unreadItem' ? t('notice.unreadItem', { items: detail ?? '' }) : t(key === 'notice.noYear' ? 'notice.noYear' : 'notice.noItems');
      setStatus({ phase: 'failed', message });
    }
  };

  return (
    <section class="calendar" data-testid="calendar-section">
      <h2>{t('calendar.heading')}</h2>
      <p data-testid="calendar-covered">{t('calendar.coveredUntil', { year: info.coveredUntil })}</p>
      <p class="muted">
        {info.importedYears.length ? t('calendar.importedYears', { years: info.importedYears.join(t('list.separator')) }) : t('calendar.builtIn')}
      </p>
      <p class="muted">{t('calendar.forecastRule', { year: info.coveredUntil + 1 })}</p>
      <label class="notice-paste">
        {t('notice.paste')}
        <textarea name="notice" rows={6} value={notice} placeholder={t('notice.placeholder')} onInput={(e) => setNotice(e.currentTarget.value)} />
      </label>
      <button type="button" disabled={!notice.trim() || status.phase === 'importing'} onClick={read}>
        {t('notice.read')}
      </button>
      {status.phase === 'preview' && (
        <div class="notice-preview" data-testid="notice-preview">
          <p>{t('notice.confirm', { year: status.year, holidays: Object.keys(status.file.holidays).length, workdays: Object.keys(status.file.workdays).length })}</p>
          <NoticePreview year={status.year} file={status.file} items={status.items} />
          <button type="button" class="primary" onClick={() => void save(status.file)}>
            {t('notice.save')}
          </button>{' '}
          <button type="button" onClick={() => setStatus({ phase: 'idle' })}>
            {t('notice.cancel')}
          </button>
        </div>
      )}
      <label class="file">
        {t('calendar.import')}
        <input type="file" name="calendarFile" accept=".json,application/json" disabled={status.phase === 'importing'} onChange={(e) => void load(e.currentTarget)} />
      </label>
      {status.phase === 'importing' && <p class="muted">{t('calendar.importing')}</p>}
      {status.phase === 'done' && (
        <p class="ok" role="status">
          {t('calendar.done', { year: info.coveredUntil })} {status.moved > 0 && t('calendar.moved', { count: status.moved })}
        </p>
      )}
      {status.phase === 'failed' && <p class="error" role="alert">{t('calendar.error', { message: status.message })}</p>}
    </section>
  );
}
