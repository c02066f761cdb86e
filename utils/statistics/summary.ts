/**
 * The statistics page's figures for a period, from the month buckets (facts.ts): pure, so they are unit-tested on
 * realistic registers and computed the same in the background and in the bench.
 */
import type { WorkingCalendar } from '../deadlines/working-days';
import { z } from '../zod';
import { FACT, MONTH, monthSchema, SEP, type StatsBucket } from './facts';

export const statsPeriodSchema = z
  .strictObject({ from: monthSchema, to: monthSchema })
  .refine((p) => p.from <= p.to, { message: 'the period ends before it starts', path: ['to'] })
  .refine((p) => monthsBetween(p.from, p.to).length <= 120, { message: 'a period is at most 10 years', path: ['to'] });
export type StatsPeriod = z.infer<typeof statsPeriodSchema>;

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();
const labelled = z.strictObject({ key: z.string(), count });
const onTimeRow = { onTime: count, late: count, overdue: count, pending: count, rate };

/** Everything the statistics page shows (and the 督办通报 prints); the background answers with it. */
export const statisticsSchema = z.strictObject({
  period: z.strictObject({ from: monthSchema, to: monthSchema }),
  today: z.string(),
  received: count,
  byMonth: z.array(z.strictObject({ month: monthSchema, received: count })),
  /** Largest first; `key` '' is "not recorded". */
  byIssuer: z.array(labelled),
  /** In the order of the closed vocabulary, then ''. */
  byClassification: z.array(labelled),
  byUrgency: z.array(labelled),
  /** Now, whatever the period: open documents past their due date, open 督办 items past their 时限 (by 承办单位). */
  overdueNow: z.strictObject({ documents: count, supervision: count, byUnit: z.array(z.strictObject({ unit: z.string(), count })) }),
  /** 督办 items 办结 on time or late (by month of 办结), and still open past their 时限 (overdue) or before it (pending), by month of 时限. */
  onTimeByMonth: z.array(z.strictObject({ month: monthSchema, ...onTimeRow })),
  onTimeByUnit: z.array(z.strictObject({ unit: z.string(), ...onTimeRow })),
  onTimeTotal: z.strictObject(onTimeRow),
  /** Working days from 收文 to 办结, documents 办结 in the period (by month of 办结). */
  closing: z.strictObject({
    count,
    median: z.number().nullable(),
    byMonth: z.array(z.strictObject({ month: monthSchema, count, median: z.number().nullable() })),
  }),
});
export type Statistics = z.infer<typeof statisticsSchema>;

/** Every month from `from` to `to` inclusive (yyyy-mm). */
export function monthsBetween(from: string, to: string): string[] {
  if (!MONTH.test(from) || !MONTH.test(to)) return [];
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end && out.length <= 1200) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

/** The default period: the twelve months up to and including today's. */
export function defaultPeriod(today: string): StatsPeriod {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const start = y * 12 + (m - 1) - 11;
  return { from: `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}`, to: today.slice(0, 7) };
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const fromDayNumber = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * `workingDaysBetween` for many pairs at once: the calendar is asked once per day of the span, then each pair is
 * a subtraction (working days d with from < d ≤ to; 0 when 办结 the day it came or, for a bad record, before).
 */
export function workingDayCounter(calendar: WorkingCalendar, first: string, last: string): (from: string, to: string) => number {
  const start = dayNumber(first);
  const span = Math.max(0, dayNumber(last) - start);
  const upTo = new Int32Array(span + 1);
  let total = 0;
  for (let i = 0; i <= span; i++) {
    if (i > 0 && calendar.isWorkingDay(fromDayNumber(start + i))) total++;
    upTo[i] = total;
  }
  return (from, to) => {
    const a = dayNumber(from) - start;
    const b = dayNumber(to) - start;
    if (!(b > a) || a < 0 || b > span) return 0;
    return upTo[b]! - upTo[a]!;
  };
}

/** The median of a histogram (value → how many); the mean of the two middle values for an even count. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (!total) return null;
  const sorted = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const at = (rank: number) => {
    let seen = 0;
    for (const [value, n] of sorted) if ((seen += n) > rank) return value;
    return sorted.at(-1)![0];
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

interface OnTime {
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
}
const emptyOnTime = (): OnTime => ({ onTime: 0, late: 0, overdue: 0, pending: 0 });
/** On time among the items whose 时限 has come: 办结 on time ÷ (on time + late + still open past it). */
const withRate = (o: OnTime) => {
  const due = o.onTime + o.late + o.overdue;
  return { ...o, rate: due ? o.onTime / due : null };
};

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

export interface SummaryInput {
  buckets: readonly StatsBucket[];
  period: StatsPeriod;
  /** Today (yyyy-mm-dd): what is overdue, and the on-time rate of items still open. */
  today: string;
  calendar: WorkingCalendar;
  /** Open documents past their due date now (the register's overdue count, read from its index). */
  documentsOverdue: number;
  classifications: readonly string[];
  urgencies: readonly string[];
}

export function summariseStatistics(input: SummaryInput): Statistics {
  const { period, today } = input;
  const months = monthsBetween(period.from, period.to);
  const inPeriod = new Set(months);
  const received = new Map<string, number>();
  const issuers = new Map<string, number>();
  const levels = new Map<string, number>();
  const urgencies = new Map<string, number>();
  const onTimeMonth = new Map<string, OnTime>();
  const onTimeUnit = new Map<string, OnTime>();
  const overdueUnit = new Map<string, number>();
  const closed: { month: string; from: string; to: string; n: number }[] = [];

  for (const bucket of input.buckets) {
    const counted = inPeriod.has(bucket.month);
    for (const [key, n] of Object.entries(bucket.counts)) {
      const [kind, a = '', b = '', c = ''] = key.split(SEP);
      if (kind === FACT.supervision && b === 'open' && c < today) add(overdueUnit, a, n);
      if (!counted) continue;
      switch (kind) {
        case FACT.received:
          add(received, bucket.month, n);
          break;
        case FACT.issuer:
          add(issuers, a, n);
          break;
        case FACT.classification:
          add(levels, a, n);
          break;
        case FACT.urgency:
          add(urgencies, a, n);
          break;
        case FACT.closed:
          closed.push({ month: bucket.month, from: a, to: b, n });
          break;
        case FACT.supervision: {
          const field: keyof OnTime = b === 'on' ? 'onTime' : b === 'late' ? 'late' : c < today ? 'overdue' : 'pending';
          const byMonth = onTimeMonth.get(bucket.month) ?? onTimeMonth.set(bucket.month, emptyOnTime()).get(bucket.month)!;
          const byUnit = onTimeUnit.get(a) ?? onTimeUnit.set(a, emptyOnTime()).get(a)!;
          byMonth[field] += n;
          byUnit[field] += n;
          break;
        }
      }
    }
  }

  const histograms = new Map<string, Map<number, number>>();
  const overall = new Map<number, number>();
  if (closed.length) {
    const dates = closed.flatMap((c) => [c.from, c.to]).sort();
    const counter = workingDayCounter(input.calendar, dates[0]!, dates.at(-1)!);
    for (const c of closed) {
      const days = counter(c.from, c.to);
      const histogram = histograms.get(c.month) ?? histograms.set(c.month, new Map()).get(c.month)!;
      histogram.set(days, (histogram.get(days) ?? 0) + c.n);
      overall.set(days, (overall.get(days) ?? 0) + c.n);
    }
  }

  const ordered = (map: Map<string, number>, order: readonly string[]) =>
    [...order, ''].filter((key) => map.has(key)).map((key) => ({ key, count: map.get(key)! }));
  const total = [...onTimeUnit.values()].reduce((sum, o) => ({ onTime: sum.onTime + o.onTime, late: sum.late + o.late, overdue: sum.overdue + o.overdue, pending: sum.pending + o.pending }), emptyOnTime());
  const sum = (map: Map<number, number>) => [...map.values()].reduce((a, b) => a + b, 0);

  return {
    period: { from: period.from, to: period.to },
    today,
    received: [...received.values()].reduce((a, b) => a + b, 0),
    byMonth: months.map((month) => ({ month, received: received.get(month) ?? 0 })),
    byIssuer: [...issuers.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'zh-CN')),
    byClassification: ordered(levels, input.classifications),
    byUrgency: ordered(urgencies, input.urgencies),
    overdueNow: {
      documents: input.documentsOverdue,
      supervision: [...overdueUnit.values()].reduce((a, b) => a + b, 0),
      byUnit: [...overdueUnit.entries()].map(([unit, count]) => ({ unit, count })).sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit, 'zh-CN')),
    },
    onTimeByMonth: months.map((month) => ({ month, ...withRate(onTimeMonth.get(month) ?? emptyOnTime()) })),
    onTimeByUnit: [...onTimeUnit.entries()].map(([unit, o]) => ({ unit, ...withRate(o) })).sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN')),
    onTimeTotal: withRate(total),
    closing: {
      count: sum(overall),
      median: histogramMedian(overall),
      byMonth: months.map((month) => {
        const histogram = histograms.get(month) ?? new Map<number, number>();
        return { month, count: sum(histogram), median: histogramMedian(histogram) };
      }),
    },
  };
}
