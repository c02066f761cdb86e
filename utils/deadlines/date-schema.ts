/**
 * Dates in every stored or messaged shape: a real calendar date (2026-02-30 and 2026-13-45 are refused, not rolled
 * over), in years DocTrail can count working days in. The one definition every zod schema uses (issue #14, hole 10).
 */
import { z } from '../zod';
import { isIsoDate } from './working-days';

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/** A 'yyyy-mm-dd' string naming a real day between 1900-01-01 and 2199-12-31. */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd')
  .refine(isIsoDate, { error: (iss) => `${JSON.stringify(iss.input)} is not a real calendar date` })
  .refine((date) => Number(date.slice(0, 4)) >= FIRST_YEAR && Number(date.slice(0, 4)) <= LAST_YEAR, {
    error: (iss) => `${JSON.stringify(iss.input)} is outside the years ${FIRST_YEAR}–${LAST_YEAR}`,
  });

/** Whether a stored value is such a date (a record written before the check may hold anything). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && calendarDateSchema.safeParse(value).success;
}
