import { useEffect, useRef, useState } from 'preact/hooks';
import { BarChart, LineChart, type BarChartOptions, type LineChartOptions } from 'chartist';
import 'chartist/dist/index.css';
import './stats.css';
import { isClassification, isUrgency } from '@/utils/documents/document-values';
import type { ResponseData } from '@/utils/messaging/protocol';
import { defaultPeriod } from '@/utils/statistics/summary';
import { toIsoDate } from '@/utils/deadlines/local-date';
import { messageOf, useEnv } from '../dashboard/env';
import { statsHash } from '../dashboard/route';

type Figures = ResponseData<'stats.query'>;

/** How many 来文单位 the chart shows (the table lists them all). */
const ISSUERS_CHARTED = 10;

/** A chart drawn by Chartist (SVG, no eval: it runs under the extension pages' CSP); the figures are in the table beside it. */
function Chart({ id, title, kind, labels, values, options }: { id: string; title: string; kind: 'bar' | 'line'; labels: string[]; values: (number | null)[]; options?: BarChartOptions & LineChartOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([kind, labels, values, options]);
  useEffect(() => {
    if (!ref.current) return;
    const data = { labels, series: [values] };
    const chart = kind === 'bar' ? new BarChart(ref.current, data, { height: '200px', ...options }) : new LineChart(ref.current, data, { height: '200px', ...options });
    return () => chart.detach();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return <div ref={ref} class="chart ct-chart" role="img" aria-label={title} data-testid="stats-chart" data-chart={id} />;
}

const percent = (rate: number | null, none: string) => (rate === null ? none : `${Math.round(rate * 1000) / 10}%`);
const share = (count: number, total: number) => (total ? `${Math.round((count / total) * 1000) / 10}%` : '—');

/** `#/stats`: the register's figures for a period, each as a chart and as a table; `print` is the 督办通报. */
export function StatsPage({ from, to, print = false }: { from?: string; to?: string; print?: boolean }) {
  const { ask, t, st, now, navigate } = useEnv();
  const fallback = defaultPeriod(toIsoDate(now()));
  const period = { from: from?.slice(0, 7) ?? fallback.from, to: to?.slice(0, 7) ?? fallback.to };
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setFigures(null);
    ask({ type: 'stats.query', period: period.from <= period.to ? period : { from: period.to, to: period.from } })
      .then((data) => (setFigures(data), setError(null)))
      .catch((e: unknown) => setError(messageOf(e)));
  }, [ask, period.from, period.to]);

  const month = (m: string) => st('stats.month', { year: m.slice(0, 4), month: m.slice(5, 7) });
  const level = (key: string) => (isClassification(key) ? t(`classification.${key}`) : st('stats.notRecorded'));
  const urgency = (key: string) => (isUrgency(key) ? t(`urgency.${key}`) : st('stats.notRecorded'));
  const issuer = (key: string) => key || st('stats.notRecorded');
  const go = (next: { from: string; to: string }) => navigate(statsHash({ from: `${next.from}-01`, to: `${next.to}-01` }));
  const hashParams = { from: `${period.from}-01`, to: `${period.to}-01` };

  return (
    <section class={`stats-page${print ? ' print-view' : ''}`} data-testid={print ? 'stats-print' : 'stats-page'}>
      <div class="page-head">
        <h1>{print ? st('stats.printHeading') : st('stats.heading')}</h1>
        {print ? (
          <span class="no-print stats-actions">
            <a href={statsHash(hashParams)}>{st('stats.back')}</a>
            <button type="button" onClick={() => window.print()}>{st('stats.printNow')}</button>
          </span>
        ) : (
          <a class="print-link" href={statsHash(hashParams, true)} data-testid="stats-print-link">{st('stats.print')}</a>
        )}
      </div>
      {print ? (
        <p class="stats-period">{st('stats.printPeriod', { from: month(period.from), to: month(period.to), today: figures?.today ?? '' })}</p>
      ) : (
        <div class="filters-row no-print" role="group" aria-label={st('stats.period')}>
          <label>
            {st('stats.from')}
            <input type="month" name="from" value={period.from} onChange={(e) => e.currentTarget.value && go({ from: e.currentTarget.value, to: period.to })} />
          </label>
          <label>
            {st('stats.to')}
            <input type="month" name="to" value={period.to} onChange={(e) => e.currentTarget.value && go({ from: period.from, to: e.currentTarget.value })} />
          </label>
        </div>
      )}
      {error && <p class="error" role="alert">{t('error.background', { message: error })}</p>}
      {!figures && !error && <p class="muted">{st('stats.loading')}</p>}
      {figures && <Figures figures={figures} print={print} month={month} level={level} urgency={urgency} issuer={issuer} />}
    </section>
  );
}

function Figures({ figures: f, print, month, level, urgency, issuer }: { figures: Figures; print: boolean; month: (m: string) => string; level: (k: string) => string; urgency: (k: string) => string; issuer: (k: string) => string }) {
  const { st } = useEnv();
  const none = st('stats.none');
  const due = f.onTimeTotal.onTime + f.onTimeTotal.late + f.onTimeTotal.overdue;
  const median = f.closing.median === null ? st('stats.summaryNoMedian') : st('stats.workingDays', { days: f.closing.median });
  const months = f.byMonth.map((m) => month(m.month));
  const charted = f.byIssuer.slice(0, ISSUERS_CHARTED);
  const horizontal = (n: number): BarChartOptions => ({ horizontalBars: true, reverseData: true, height: `${Math.max(120, 26 * n + 40)}px`, axisY: { offset: 130 }, axisX: { onlyInteger: true } });
  const ratePoints = f.onTimeByMonth.map((m) => (m.rate === null ? null : Math.round(m.rate * 1000) / 10));
  return (
    <>
      <p class="stats-summary" data-testid="stats-summary">
        {st('stats.summary', {
          received: f.received,
          due,
          onTime: f.onTimeTotal.onTime,
          rate: percent(f.onTimeTotal.rate, st('stats.rateNone')),
          supervision: f.overdueNow.supervision,
          documents: f.overdueNow.documents,
          closed: f.closing.count,
          median,
        })}
      </p>
      {f.rebuilt && !print && <p class="muted no-print">{st('stats.rebuilt')}</p>}
      <div class="stats-grid">
        <Card id="received" title={st('stats.received.title')}>
          <Chart id="received" title={st('stats.chart', { title: st('stats.received.title') })} kind="bar" labels={months} values={f.byMonth.map((m) => m.received)} options={{ axisY: { onlyInteger: true } }} />
          <Table id="received" title={st('stats.received.title')} head={[st('stats.col.month'), st('stats.col.count')]} rows={f.byMonth.map((m) => [month(m.month), m.received])} total={[st('stats.total'), f.received]} />
        </Card>
        <Card id="issuer" title={st('stats.issuer.title')}>
          {f.byIssuer.length ? (
            <>
              <Chart id="issuer" title={st('stats.chart', { title: st('stats.issuer.title') })} kind="bar" labels={charted.map((i) => issuer(i.key))} values={charted.map((i) => i.count)} options={horizontal(charted.length)} />
              {f.byIssuer.length > ISSUERS_CHARTED && <p class="muted">{st('stats.issuer.more', { shown: ISSUERS_CHARTED, rest: f.byIssuer.length - ISSUERS_CHARTED })}</p>}
              <Table id="issuer" title={st('stats.issuer.title')} head={[st('stats.col.issuer'), st('stats.col.count'), st('stats.col.share')]} rows={f.byIssuer.map((i) => [issuer(i.key), i.count, share(i.count, f.received)])} />
            </>
          ) : (
            <p class="muted">{st('stats.empty')}</p>
          )}
        </Card>
        <Card id="classification" title={st('stats.classification.title')}>
          <Chart id="classification" title={st('stats.chart', { title: st('stats.classification.title') })} kind="bar" labels={f.byClassification.map((c) => level(c.key))} values={f.byClassification.map((c) => c.count)} options={{ axisY: { onlyInteger: true } }} />
          <Table id="classification" title={st('stats.classification.title')} head={[st('stats.col.classification'), st('stats.col.count'), st('stats.col.share')]} rows={f.byClassification.map((c) => [level(c.key), c.count, share(c.count, f.received)])} />
        </Card>
        <Card id="urgency" title={st('stats.urgency.title')}>
          <Chart id="urgency" title={st('stats.chart', { title: st('stats.urgency.title') })} kind="bar" labels={f.byUrgency.map((u) => urgency(u.key))} values={f.byUrgency.map((u) => u.count)} options={{ axisY: { onlyInteger: true } }} />
          <Table id="urgency" title={st('stats.urgency.title')} head={[st('stats.col.urgency'), st('stats.col.count'), st('stats.col.share')]} rows={f.byUrgency.map((u) => [urgency(u.key), u.count, share(u.count, f.received)])} />
        </Card>
        <Card id="overdue" title={st('stats.overdue.title', { today: f.today })}>
          <Chart
            id="overdue"
            title={st('stats.chart', { title: st('stats.overdue.title', { today: f.today }) })}
            kind="bar"
            labels={[st('stats.overdue.documents'), ...f.overdueNow.byUnit.map((u) => u.unit)]}
            values={[f.overdueNow.documents, ...f.overdueNow.byUnit.map((u) => u.count)]}
            options={horizontal(1 + f.overdueNow.byUnit.length)}
          />
          <Table
            id="overdue"
            title={st('stats.overdue.title', { today: f.today })}
            head={[st('stats.col.what'), st('stats.col.count')]}
            rows={[[st('stats.overdue.documents'), f.overdueNow.documents], [st('stats.overdue.supervision'), f.overdueNow.supervision], ...f.overdueNow.byUnit.map((u) => [`· ${u.unit}`, u.count])]}
          />
        </Card>
        <Card id="on-time-month" title={st('stats.onTimeMonth.title')}>
          <Chart id="on-time-month" title={st('stats.chart', { title: st('stats.onTimeMonth.title') })} kind="line" labels={months} values={ratePoints} options={{ low: 0, high: 100, showArea: true, axisY: { labelInterpolationFnc: (v: string | number) => `${v}%` } }} />
          <Table
            id="on-time-month"
            title={st('stats.onTimeMonth.title')}
            head={[st('stats.col.month'), st('stats.col.onTime'), st('stats.col.late'), st('stats.col.overdue'), st('stats.col.pending'), st('stats.col.rate')]}
            rows={f.onTimeByMonth.map((m) => [month(m.month), m.onTime, m.late, m.overdue, m.pending, percent(m.rate, none)])}
            total={[st('stats.total'), f.onTimeTotal.onTime, f.onTimeTotal.late, f.onTimeTotal.overdue, f.onTimeTotal.pending, percent(f.onTimeTotal.rate, none)]}
          />
        </Card>
        <Card id="on-time-unit" title={st('stats.onTimeUnit.title')}>
          {f.onTimeByUnit.length ? (
            <>
              <Chart id="on-time-unit" title={st('stats.chart', { title: st('stats.onTimeUnit.title') })} kind="bar" labels={f.onTimeByUnit.map((u) => u.unit)} values={f.onTimeByUnit.map((u) => (u.rate === null ? 0 : Math.round(u.rate * 1000) / 10))} options={{ ...horizontal(f.onTimeByUnit.length), high: 100, low: 0, axisX: { labelInterpolationFnc: (v: string | number) => `${v}%` } }} />
              <Table
                id="on-time-unit"
                title={st('stats.onTimeUnit.title')}
                head={[st('stats.col.unit'), st('stats.col.onTime'), st('stats.col.late'), st('stats.col.overdue'), st('stats.col.pending'), st('stats.col.rate')]}
                rows={f.onTimeByUnit.map((u) => [u.unit, u.onTime, u.late, u.overdue, u.pending, percent(u.rate, none)])}
              />
            </>
          ) : (
            <p class="muted">{st('stats.onTime.none')}</p>
          )}
        </Card>
        <Card id="closing" title={st('stats.closing.title')}>
          <Chart id="closing" title={st('stats.chart', { title: st('stats.closing.title') })} kind="bar" labels={months} values={f.closing.byMonth.map((m) => m.median ?? 0)} />
          <Table
            id="closing"
            title={st('stats.closing.title')}
            head={[st('stats.col.month'), st('stats.col.closed'), st('stats.col.median')]}
            rows={f.closing.byMonth.map((m) => [month(m.month), m.count, m.median ?? none])}
            total={[st('stats.total'), f.closing.count, f.closing.median ?? none]}
          />
        </Card>
      </div>
    </>
  );
}

function Card({ id, title, children }: { id: string; title: string; children: preact.ComponentChildren }) {
  return (
    <section class="stats-card" data-testid="stats-card" data-card={id}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Table({ id, title, head, rows, total }: { id: string; title: string; head: string[]; rows: (string | number)[][]; total?: (string | number)[] }) {
  const { st } = useEnv();
  const cell = (value: string | number, i: number) => (i === 0 ? <th scope="row">{value}</th> : <td class="num">{value}</td>);
  return (
    <table class="stats-table" data-testid="stats-table" data-table={id} aria-label={st('stats.table', { title })}>
      <thead>
        <tr>{head.map((h) => <th scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row) => <tr>{row.map(cell)}</tr>)}
      </tbody>
      {total && (
        <tfoot>
          <tr>{total.map(cell)}</tr>
        </tfoot>
      )}
    </table>
  );
}
