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
  return (
    <span class={`dt-chip dt-chip-${state}`} role="status" title={date}>
      {text}
    </span>
  );
}
