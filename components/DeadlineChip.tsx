import { deadlineStatus } from '@/utils/deadline';
import type { Translate } from '@/utils/i18n';

export function DeadlineChip({ deadline, today, t }: { deadline: string; today: string; t: Translate }) {
  const { state, daysLeft } = deadlineStatus(deadline, today);
  const text =
    state === 'overdue' ? t('deadline.overdue', { days: -daysLeft }) : daysLeft === 0 ? t('deadline.today') : t('deadline.left', { days: daysLeft });
  return (
    <span class={`dt-chip dt-chip-${state}`} role="status" title={deadline}>
      {text}
    </span>
  );
}
