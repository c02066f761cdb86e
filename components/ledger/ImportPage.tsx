import { useMemo, useState } from 'preact/hooks';
import { findHeaderRow, IMPORT_FIELDS, mapHeader, mappedRows, readLedgerFile, type ColumnMapping, type CsvEncoding, type ImportField, type LedgerTable } from '@/utils/export/ledger-file';
import { checkLedger, type LedgerProblem } from '@/utils/export/ledger-rows';
import type { LedgerOutcome } from '@/utils/export/ledger-import-store';
import type { LedgerKey } from '@/utils/i18n/ledger';
import { messageOf, useEnv } from '../dashboard/env';

/** How many rows the preview lists (every problem row is listed with 只看有问题的行). */
const PREVIEW_ROWS = 100;

interface Loaded {
  name: string;
  data: ArrayBuffer;
  table: LedgerTable;
  headerRow: number;
}

/**
 * `#/import`: an old 收文登记簿 into the register. The file is read here (XLSX, or CSV in UTF-8 or GBK), its header
 * mapped with page analysis's vocabulary and shown for the clerk to adjust, each row checked in a preview; the
 * background checks again against the register (试导入) and writes all rows or none (导入).
 */
export function ImportPage() {
  const { ask, t, lt, chainChanged } = useEnv();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [encoding, setEncoding] = useState<'auto' | CsvEncoding>('auto');
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [outcome, setOutcome] = useState<LedgerOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fieldName = (field: string | undefined): string => {
    if (field === 'registrationNo' || field === 'status' || field === 'completedOn') return lt(`import.field.${field}`);
    return field && (IMPORT_FIELDS as readonly string[]).includes(field) ? lt(`field.${field}` as LedgerKey) : (field ?? '');
  };

  const read = async (name: string, data: ArrayBuffer, chosen: 'auto' | CsvEncoding) => {
    setError(null);
    setOutcome(null);
    try {
      const table = await readLedgerFile(name, data, chosen === 'auto' ? undefined : chosen);
      const found = findHeaderRow(table.rows);
      const headerRow = found < 0 ? 0 : found;
      setMapping(mapHeader(table.rows[headerRow] ?? [], table.rows.slice(headerRow + 1, headerRow + 21)));
      setLoaded({ name, data, table, headerRow });
      if (table.rows.length <= headerRow + 1) setError(lt('import.noRows'));
    } catch (err) {
      setLoaded(null);
      setError(lt('import.readError', { message: messageOf(err) }));
    }
  };

  const rows = useMemo(() => (loaded ? mappedRows(loaded.table.rows, loaded.headerRow, mapping) : []), [loaded, mapping]);
  const checked = useMemo(() => checkLedger(rows), [rows]);
  /** What the background found beyond the file itself (the register), by row. */
  const remote = useMemo(() => new Map((outcome?.problems ?? []).map((p) => [p.row, p.problems])), [outcome]);
  const problemsOf = (row: number, local: LedgerProblem[]): LedgerProblem[] => {
    const seen = new Set(local.map((p) => JSON.stringify(p)));
    return [...local, ...(remote.get(row) ?? []).filter((p) => !seen.has(JSON.stringify(p)))];
  };
  const withProblems = checked.filter((row) => problemsOf(row.row, row.problems).length > 0);
  const localBad = checked.some((row) => row.problems.length > 0);
  const listed = (onlyProblems ? withProblems : checked).slice(0, PREVIEW_ROWS);
  const columns = mapping.flatMap((field, column) => (field ? [{ field, column }] : []));

  const problemText = (p: LedgerProblem) =>
    lt(`import.problem.${p.code}`, { field: fieldName(p.field), value: p.value ?? '', row: p.row ?? '', registrationNo: p.registrationNo ?? '' });

  const send = async (dryRun: boolean) => {
    if (!loaded) return;
    setBusy(true);
    setError(null);
    try {
      const result = await ask({ type: 'ledger.import', fileName: loaded.name.slice(0, 200), dryRun, rows });
      setOutcome(result);
      if (!dryRun && result.written > 0) chainChanged();
    } catch (err) {
      setError(t('error.background', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  };

  const summary = (o: LedgerOutcome) => {
    if (!o.dryRun && o.written) return lt('import.done', { count: o.written });
    if (!o.dryRun) return lt('import.refused', { count: o.problemRows });
    return o.ok ? lt('import.dryRunOk', { count: o.wouldWrite }) : lt('import.dryRunBad', { count: o.problemRows });
  };

  return (
    <section class="ledger-import" data-testid="ledger-import">
      <h1>{lt('import.heading')}</h1>
      <p class="muted">{lt('import.hint')}</p>
      <div class="filters-row">
        <label>
          {lt('import.file')}
          <input
            type="file"
            name="ledger"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (file) await read(file.name, await file.arrayBuffer(), encoding);
            }}
          />
        </label>
        <label>
          {lt('import.encoding')}
          <select
            name="encoding"
            value={encoding}
            onChange={(e) => {
              const next = e.currentTarget.value as 'auto' | CsvEncoding;
              setEncoding(next);
              if (loaded && loaded.table.kind === 'csv') void read(loaded.name, loaded.data, next);
            }}
          >
            {(['auto', 'utf-8', 'gbk'] as const).map((value) => (
              <option key={value} value={value}>{lt(`import.encoding.${value}`)}</option>
            ))}
          </select>
        </label>
      </div>
      {error && <p class="error" role="alert">{error}</p>}

      {loaded && (
        <>
          <p class="muted" data-testid="import-read">
            {lt('import.read', {
              file: loaded.name,
              rows: rows.length,
              format: loaded.table.kind === 'xlsx' ? lt('import.format.xlsx') : lt('import.format.csv', { encoding: lt(`import.encoding.${loaded.table.encoding ?? 'utf-8'}`) }),
            })}
            {' · '}
            {lt('import.headerRow', { row: loaded.headerRow + 1 })}
          </p>
          <h2>{lt('import.mapping')}</h2>
          <p class="muted">{lt('import.mappingHint')}</p>
          <div class="import-mapping" data-testid="import-mapping">
            {(loaded.table.rows[loaded.headerRow] ?? []).map((header, column) => {
              const sample = loaded.table.rows.slice(loaded.headerRow + 1).map((r) => r[column] ?? '').find((v) => v.trim() !== '');
              return (
                <label key={column} class={mapping[column] ? 'mapped' : 'ignored'}>
                  <span>{lt('import.column', { header: header || '—' })}</span>
                  <select
                    name={`column-${column}`}
                    data-header={header}
                    value={mapping[column] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value as ImportField | '';
                      // A field goes to one column: choosing it here takes it from the column that had it.
                      setMapping(mapping.map((f, i) => (i === column ? value || null : value && f === value ? null : f)));
                      setOutcome(null);
                    }}
                  >
                    <option value="">{lt('import.ignore')}</option>
                    {IMPORT_FIELDS.map((field) => (
                      <option key={field} value={field}>{fieldName(field)}</option>
                    ))}
                  </select>
                  {sample && <small class="muted">{lt('import.sample', { value: sample.slice(0, 40) })}</small>}
                </label>
              );
            })}
          </div>

          <h2 data-testid="import-summary" data-rows={rows.length} data-problems={withProblems.length}>
            {lt('import.preview', { rows: rows.length, problems: withProblems.length })}
          </h2>
          <label class="inline-check">
            <input type="checkbox" name="onlyProblems" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.currentTarget.checked)} /> {lt('import.onlyProblems')}
          </label>
          <div class="table-scroll">
            <table class="import-table" data-testid="import-preview">
              <thead>
                <tr>
                  <th>{lt('import.row')}</th>
                  {columns.map(({ field, column }) => (
                    <th key={column}>{fieldName(field)}</th>
                  ))}
                  <th>{lt('import.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((row) => {
                  const problems = problemsOf(row.row, row.problems);
                  const cells = rows.find((r) => r.row === row.row)?.cells ?? {};
                  return (
                    <tr key={row.row} data-row={row.row} class={problems.length ? 'bad' : ''}>
                      <td>{row.row}</td>
                      {columns.map(({ field, column }) => (
                        <td key={column} class={field === 'title' || field === 'issuer' ? 'wrap' : undefined}>{cells[field] ?? ''}</td>
                      ))}
                      <td class="problems">{problems.length ? problems.map(problemText).join(t('list.separator')) : lt('import.rowOk')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {(onlyProblems ? withProblems : checked).length > listed.length && <p class="muted">{lt('import.more', { count: (onlyProblems ? withProblems : checked).length - listed.length })}</p>}

          <div class="form-buttons">
            <button type="button" data-testid="import-dry-run" disabled={busy || !rows.length} onClick={() => void send(true)}>
              {busy ? t('action.busy') : lt('import.dryRun')}
            </button>
            <button type="button" class="primary" data-testid="import-run" disabled={busy || !rows.length || localBad} onClick={() => void send(false)}>
              {lt('import.run')}
            </button>
          </div>
          {localBad && <p class="warn">{lt('import.fixFirst')}</p>}
          {outcome && (
            <div class={outcome.ok ? 'ok' : 'warn'} role="status" data-testid="import-outcome" data-kind={outcome.dryRun ? 'dry-run' : outcome.written ? 'done' : 'refused'} data-written={outcome.written}>
              <p>{summary(outcome)}</p>
              {outcome.ok && (
                <ul>
                  {outcome.counters.map((c) => (
                    <li key={c.year}>{lt('import.counter', { year: c.year, from: c.from, to: c.to, next: c.to + 1 })}</li>
                  ))}
                  {outcome.numbered > 0 && <li>{lt('import.numbered', { count: outcome.numbered })}</li>}
                </ul>
              )}
              {!outcome.dryRun && outcome.written > 0 && <a href="#/">{lt('import.openRegister')}</a>}
            </div>
          )}
        </>
      )}
    </section>
  );
}
