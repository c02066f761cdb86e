/** Reminder notifications and the toolbar badge (the background's own strings, not carried by the content script). */
export const notifyZhCN = {
  'notify.overdueTitle': '逾期未办：{registrationNo}',
  'notify.dueSoonTitle': '即将到期：{registrationNo}',
  'notify.body': '{title}\n期限 {dueDate}',
  'notify.masked': '（涉密文件，标题不在提醒中显示）',
  'notify.summaryTitle': '另有 {count} 件公文逾期或即将到期',
  'notify.summaryBody': '打开文迹台账查看全部',
  'notify.snoozeHour': '1 小时后再提醒',
  'notify.snoozeTomorrow': '明天再提醒',
  'badge.title': '文迹：{count} 件逾期',
} as const;

export type NotifyKey = keyof typeof notifyZhCN;
