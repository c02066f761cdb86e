import type { NoticeItem } from '@/utils/deadlines/holiday-notice';
import type { CalendarFile } from '@/utils/deadlines/working-days';
import { useEnv } from './env';

const pad = (n: number) => String(n).padStart(2, '0');

/** The year read from a notice as twelve small months: days off in red, make-up working days boxed, for the clerk to check. */
export function NoticePreview({ year, file, items }: { year: number; file: CalendarFile; items: NoticeItem[] }) {
  const { t } = useEnv();
  const months = Array.from({ length: 12 }, (_, m) => m + 1).filter((m) =>
    [...Object.keys(file.holidays), ...Object.keys(file.workdays)].some((d) => d.startsWith(`${year}-${pad(m)}`)),
  );
  return (
    <div>
      <ul class="notice-items">
        {items.map((item) => (
          <li key={item.name}>
            <strong>{item.name}</strong> {t('notice.itemOff', { from: item.holidays[0] ?? '', to: item.holidays.at(-1) ?? '', days: item.holidays.length })}
            {item.workdays.length > 0 && ` ${t('notice.itemWork', { days: item.workdays.join(t('list.separator')) })}`}
          </li>
        ))}
      </ul>
      <div class="notice-months">
        {months.map((month) => {
          const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
          const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
          return (
            <table key={month} class="notice-month">
              <caption>{t('notice.month', { month })}</caption>
              <tbody>
                {Array.from({ length: Math.ceil((first + count) / 7) }, (_, week) => (
                  <tr key={week}>
                    {Array.from({ length: 7 }, (_, weekday) => {
                      const day = week * 7 + weekday - first + 1;
                      if (day < 1 || day > count) return <td key={weekday} />;
                      const date = `${year}-${pad(month)}-${pad(day)}`;
                      const kind = date in file.holidays ? 'off' : date in file.workdays ? 'work' : weekday === 0 || weekday === 6 ? 'weekend' : '';
                      return (
                        <td key={weekday} class={kind} data-date={date} title={kind === 'off' ? t('notice.off') : kind === 'work' ? t('notice.work') : undefined}>
                          {day}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </div>
  );
}
