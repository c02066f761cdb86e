import { useEffect, useState } from 'preact/hooks';
import type { Ask } from './env';
import { useEnv } from './env';

let cached: Promise<number> | undefined;

/** The last year of the official holiday arrangement, asked once per dashboard page (undefined until known). */
export function useCoveredUntil(): number | undefined {
  const { ask } = useEnv();
  const [year, setYear] = useState<number | undefined>();
  useEffect(() => {
    const refresh = () => void coveredUntil(ask).then(setYear, () => undefined);
    refresh();
    window.addEventListener(CALENDAR_CHANGED, refresh);
    return () => window.removeEventListener(CALENDAR_CHANGED, refresh);
  }, [ask]);
  return year;
}

export function coveredUntil(ask: Ask): Promise<number> {
  cached ??= ask({ type: 'settings.get' }).then((answer) => answer.calendar.coveredUntil);
  return cached;
}

const CALENDAR_CHANGED = 'doctrail:calendar-changed';

/** After a calendar import the coverage is asked again, and every mark and reminder on the page follows. */
export function forgetCoverage(): void {
  cached = undefined;
  window.dispatchEvent(new Event(CALENDAR_CHANGED));
}

/** True when working days up to `date` ('yyyy-mm-dd') are a forecast past the official arrangement. */
export function isForecastDate(date: string | undefined, covered: number | undefined): boolean {
  return !!date && covered !== undefined && covered > 0 && Number(date.slice(0, 4)) > covered;
}
