import type { NotifyKey } from './notify-zh-CN';

export const notifyEn: Record<NotifyKey, string> = {
  'notify.overdueTitle': 'Overdue: {registrationNo}',
  'notify.dueSoonTitle': 'Due soon: {registrationNo}',
  'notify.body': '{title}\nDue {dueDate}',
  'notify.masked': '(classified document: title not shown in reminders)',
  'notify.summaryTitle': '{count} more documents are overdue or due soon',
  'notify.summaryBody': 'Open the DocTrail register to see them all',
  'notify.snoozeHour': 'Remind me in 1 hour',
  'notify.snoozeTomorrow': 'Remind me tomorrow',
  'badge.title': 'DocTrail: {count} overdue',
};
