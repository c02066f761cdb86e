import { browser } from 'wxt/browser';
import { pickLanguage } from '@/utils/i18n';
import { createNotifyTranslator, type NotifyTranslate as Translate } from '@/utils/i18n/notify';
import { toIsoDate } from '@/utils/deadlines/local-date';
import type { RegisterDB } from '@/utils/register/register-db';
import { countOverdue } from '@/utils/register/register-store';
import { dueDocuments, markNotified, reminderStates, snooze } from '@/utils/reminders/reminder-store';
import { dueSoonHorizon, planReminders, snoozeUntil, type PlannedReminder, type SnoozeChoice } from '@/utils/reminders/reminders';
import { readSettings, workingCalendar } from '@/utils/register/settings-store';
import type { Settings } from '@/utils/register/settings';

export const REMINDER_ALARM = 'doctrail.reminders';
const DOC_PREFIX = 'doctrail:doc:';
const SUMMARY_ID = 'doctrail:summary';
/** More than this many at once become one summary notification, so a backlog does not bury the screen. */
const MAX_SINGLE = 4;

const badgeApi = () => browser.action ?? browser.browserAction;

export function dashboardUrl(hash: string): string {
  return browser.runtime.getURL(`/options.html#${hash}`);
}

function translatorFor(settings: Settings): Translate {
  return createNotifyTranslator(settings.language === 'auto' ? pickLanguage(navigator.languages) : settings.language);
}

/**
 * Due-soon and overdue notifications, the badge, and the one alarm that wakes the worker for the
 * next round. Every round is idempotent (what was shown is remembered in the register), so it can
 * run on every wake-up: a browser started after the reminder time still gets that day's round.
 */
export function createReminders(deps: { db: () => Promise<RegisterDB>; now: () => Date }) {
  let running: Promise<void> = Promise.resolve();

  async function round(): Promise<void> {
    const db = await deps.db();
    const now = deps.now();
    const [settings, calendar] = await Promise.all([readSettings(db), workingCalendar(db)]);
    const due = await dueDocuments(db, dueSoonHorizon(calendar, toIsoDate(now), settings.leadWorkingDays));
    const states = await reminderStates(db, due.map((d) => d.id));
    const plan = planReminders({ now, settings, calendar, due, states });
    const t = translatorFor(settings);
    await show(plan.notify, t);
    if (plan.notify.length) await markNotified(db, plan.notify.map((n) => n.docId), now.getTime());
    await browser.alarms.create(REMINDER_ALARM, { when: Math.max(plan.nextWakeAt, Date.now() + 1000) });
    await updateBadge(await countOverdue(db, now), t);
  }

  /** Rounds never overlap: two wake-ups at once must not show the same reminder twice. */
  function check(): Promise<void> {
    running = running.then(round, round).catch((error: unknown) => console.error('DocTrail reminders', error));
    return running;
  }

  async function snoozeFromNotification(docId: string, choice: SnoozeChoice): Promise<void> {
    const db = await deps.db();
    const [settings, calendar] = await Promise.all([readSettings(db), workingCalendar(db)]);
    await snooze(db, docId, snoozeUntil(choice, deps.now(), settings.reminderTime, calendar));
    await browser.notifications.clear(DOC_PREFIX + docId);
    await check();
  }

  function listen(): void {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === REMINDER_ALARM) void check();
    });
    browser.notifications.onClicked.addListener((id) => {
      const hash = id === SUMMARY_ID ? '/?status=open&overdue=1' : id.startsWith(DOC_PREFIX) ? `/doc/${encodeURIComponent(id.slice(DOC_PREFIX.length))}` : undefined;
      if (!hash) return;
      void browser.tabs.create({ url: dashboardUrl(hash) });
      void browser.notifications.clear(id);
    });
    // Buttons exist in Chrome only; Firefox shows the notification without them.
    browser.notifications.onButtonClicked?.addListener((id, button) => {
      if (!id.startsWith(DOC_PREFIX)) return;
      void snoozeFromNotification(id.slice(DOC_PREFIX.length), button === 0 ? { kind: 'hour' } : { kind: 'tomorrow' });
    });
  }

  return { check, listen };
}

async function show(reminders: readonly PlannedReminder[], t: Translate): Promise<void> {
  const icon = browser.runtime.getURL('/icon/128.png');
  const single = reminders.length > MAX_SINGLE ? reminders.slice(0, MAX_SINGLE - 1) : reminders;
  const withButtons = import.meta.env.BROWSER !== 'firefox';
  for (const reminder of single) {
    await browser.notifications.create(DOC_PREFIX + reminder.docId, {
      type: 'basic',
      iconUrl: icon,
      title: t(reminder.kind === 'overdue' ? 'notify.overdueTitle' : 'notify.dueSoonTitle', { registrationNo: reminder.registrationNo }),
      message: t('notify.body', { title: reminder.title ?? t('notify.masked'), dueDate: reminder.dueDate }) + (reminder.forecast ? `\n${t('deadline.forecast')}` : ''),
      priority: reminder.kind === 'overdue' ? 2 : 1,
      ...(withButtons && { buttons: [{ title: t('notify.snoozeHour') }, { title: t('notify.snoozeTomorrow') }] }),
    });
  }
  const rest = reminders.length - single.length;
  if (rest > 0) {
    await browser.notifications.create(SUMMARY_ID, {
      type: 'basic',
      iconUrl: icon,
      title: t('notify.summaryTitle', { count: rest }),
      message: t('notify.summaryBody'),
    });
  }
}

async function updateBadge(overdue: number, t: Translate): Promise<void> {
  const action = badgeApi();
  await action.setBadgeBackgroundColor({ color: '#c62828' });
  await action.setBadgeText({ text: overdue > 0 ? String(overdue) : '' });
  await action.setTitle({ title: overdue > 0 ? t('badge.title', { count: overdue }) : t('appName') });
}
