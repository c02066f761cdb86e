// @vitest-environment jsdom
/**
 * The yearly reminder to import next year's holiday arrangement: from 1 November, until it is imported, once a day —
 * the same rule (utils/deadlines/calendar-reminder.ts) in the dashboard and the toolbar popup, 知道了 in either hiding
 * it in both until the next day.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupCalendar } from '@/components/Popup';
import { CALENDAR_REMINDER_KEY, calendarReminderYear, dismissCalendarReminder, readCalendarReminderDismissal } from '@/utils/deadlines/calendar-reminder';
import { createPopupTranslator } from '@/utils/i18n/popup';

const day = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h, 0);

describe('calendarReminderYear (fixed dates)', () => {
  it('is silent until 31 October and speaks from 1 November while next year is not covered', () => {
    expect(calendarReminderYear(day(2026, 10, 31, 23), 2026, undefined)).toBeUndefined();
    expect(calendarReminderYear(day(2026, 11, 1, 0), 2026, undefined)).toBe(2027);
    expect(calendarReminderYear(day(2026, 11, 30), 2026, undefined)).toBe(2027);
    expect(calendarReminderYear(day(2026, 12, 31, 23), 2026, undefined)).toBe(2027);
    expect(calendarReminderYear(day(2027, 1, 2), 2026, undefined)).toBeUndefined(); // in January the forecast marks speak
    expect(calendarReminderYear(day(2026, 6, 1), 2026, undefined)).toBeUndefined();
  });

  it('stops once next year is imported, and says nothing while the coverage is unknown', () => {
    expect(calendarReminderYear(day(2026, 11, 30), 2027, undefined)).toBeUndefined();
    expect(calendarReminderYear(day(2026, 11, 30), undefined, undefined)).toBeUndefined();
    // a calendar that ends even earlier still asks for next year
    expect(calendarReminderYear(day(2027, 11, 15), 2026, undefined)).toBe(2028);
  });

  it('is hidden on the day it was dismissed and back the next day; a stored value that is not a date is ignored', () => {
    expect(calendarReminderYear(day(2026, 11, 30, 8), 2026, '2026-11-30')).toBeUndefined();
    expect(calendarReminderYear(day(2026, 12, 1, 8), 2026, '2026-11-30')).toBe(2027);
    expect(calendarReminderYear(day(2026, 11, 30), 2026, 'yes')).toBe(2027);
    expect(calendarReminderYear(day(2026, 11, 30), 2026, '2026-02-30')).toBe(2027);
  });

  it('remembers the dismissal as the clerk’s local day', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    dismissCalendarReminder(storage, day(2026, 11, 30, 23));
    expect(store.get(CALENDAR_REMINDER_KEY)).toBe('2026-11-30');
    expect(readCalendarReminderDismissal(storage)).toBe('2026-11-30');
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(readCalendarReminderDismissal(broken)).toBeUndefined();
    expect(() => dismissCalendarReminder(broken, day(2026, 11, 30))).not.toThrow();
  });
});

describe('popup: the calendar reminder', () => {
  let root: HTMLElement | undefined;
  afterEach(async () => {
    if (root) await act(async () => render(null, root!));
    root?.remove();
    localStorage.clear();
  });

  async function mount(calendar: PopupCalendar, openDashboard = vi.fn(), language: 'zh-CN' | 'en' = 'zh-CN') {
    root = document.createElement('div');
    document.body.append(root);
    const summary = { inProgress: 0, overdue: 0, latest: [] };
    await act(async () =>
      render(<Popup loadSummary={async () => summary} t={createPopupTranslator(language)} openDashboard={openDashboard} calendar={calendar} />, root!),
    );
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    return root;
  }
  const reminder = () => root!.querySelector<HTMLElement>('[data-testid=popup-calendar-reminder]');
  const calendar = (now: Date, covered = 2026): PopupCalendar => ({ coveredUntil: async () => covered, now: () => now, store: localStorage });

  it('on 30 November with the calendar ending in 2026: asks to import 2027, and 去导入 opens the settings', async () => {
    const open = vi.fn();
    await mount(calendar(day(2026, 11, 30)), open);
    expect(reminder()?.textContent).toContain('2027 年的节假日安排尚未导入');
    expect(reminder()?.textContent).toContain('按法定节日推算，未含调休');
    await act(async () => root!.querySelector<HTMLElement>('[data-testid=popup-calendar-import]')!.click());
    expect(open).toHaveBeenCalledWith('#/settings');
  });

  it('知道了 hides it for the day in the popup and, through the shared store, in the dashboard; back the next day', async () => {
    await mount(calendar(day(2026, 11, 30)));
    await act(async () => root!.querySelector<HTMLElement>('[data-testid=popup-calendar-dismiss]')!.click());
    expect(reminder()).toBeNull();
    expect(localStorage.getItem(CALENDAR_REMINDER_KEY)).toBe('2026-11-30');
    // the dashboard's rule reads the same key
    expect(calendarReminderYear(day(2026, 11, 30, 17), 2026, readCalendarReminderDismissal(localStorage))).toBeUndefined();
    await act(async () => render(null, root!));
    await mount(calendar(day(2026, 11, 30, 15)));
    expect(reminder()).toBeNull();
    await act(async () => render(null, root!));
    await mount(calendar(day(2026, 12, 1)));
    expect(reminder()).not.toBeNull();
  });

  it('says nothing in October or once 2027 is imported; speaks English in English', async () => {
    await mount(calendar(day(2026, 10, 31)));
    expect(reminder()).toBeNull();
    await act(async () => render(null, root!));
    await mount(calendar(day(2026, 11, 30), 2027));
    expect(reminder()).toBeNull();
    await act(async () => render(null, root!));
    await mount(calendar(day(2026, 11, 30)), vi.fn(), 'en');
    expect(reminder()?.textContent).toContain('The 2027 holiday arrangement is not imported yet');
  });
});
