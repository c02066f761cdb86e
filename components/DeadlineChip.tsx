import { deadlineStatus } from '@/utils/deadlines/deadline';
import type { Translate } from '@/utils/i18n';
import type { DocumentStateData } from '@/utils/messaging/protocol';

type Due = NonNullable<DocumentStateData['due']>;

/**
 * The countdown to the document's deadline. For a registered document the background says how its
 * due date stands on the working-day calendar (`due`); before registration the page's deadline is
 * counted in calendar days.
 */
export function DeadlineChip({ deadline, due, today, t }: { deadline: string; due?: Due; today: string; t: Translate }) {
  const { state, daysLeft } = due ?? deadlineStatus(deadline, today);
  const date = due?.date ?? deadline;
  const text =
    state === 'overdue' ? t('deadline.overdue', { days: -daysLeft }) : daysLeft === 0 ? t('deadline.today') : t('deadline.left', { days: daysLeft });
  // Past the official holiday arrangement the working days are a forecast: said on the chip, not only in a tooltip.
  const forecast = due?.forecast ? t('deadline.forecast') : undefined;
  return (
    <span class={`dt-chip dt-chip-${state}`} role="status" title={forecast ? `${date} · ${forecast}` : date} data-forecast={forecast ? 'true' : undefined}>
      {text}
      {forecast && <small class="dt-forecast">（{t('deadline.forecastShort')}）</small>}
    </span>
  );
}
