import { useEffect, useState } from 'preact/hooks';
import type { ResponseData } from '@/utils/messaging/protocol';
import { toIsoDate } from '@/utils/deadlines/local-date';
import { messageOf, useEnv } from './env';
import { Pager } from './Pager';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';
import { hasFilter } from '@/utils/register/register-query';
import { backupHash, DEFAULT_PARAMS, filterOf, printRegisterHash, registerHash, toQuery, type RegisterParams, type SortField } from './route';

type Page = ResponseData<'register.query'>;

/** The register: filters, the table and its pages, all driven by the hash. */
export function RegisterPage({ params, debounceMs }: { params: RegisterParams; debounceMs?: number }) {
  const { ask, t, pt, now, navigate } = useEnv();
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queryKey = JSON.stringify(toQuery(params));

  useEffect(() => {
    let live = true;
    setError(null);
    ask({ type: 'register.query', query: toQuery(params) })
      .then((data) => live && setPage(data))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [ask, queryKey]);

  const go = (next: RegisterParams) => navigate(registerHash(next));
  const sortBy = (field: SortField) =>
    go({ ...params, sort: field, direction: params.sort === field && params.direction === 'asc' ? 'desc' : 'asc', page: 1 });

  return (
    <section class="register-page">
      <div class="page-head">
        <h1>{t('register.heading')}</h1>
        <span class="page-links">
          <a class="print-link" href={backupHash(params)} data-testid="export-link">{pt('backup.open')}</a>
          <a class="print-link" href={printRegisterHash(params)} data-testid="print-register-link">{pt('print.open.register')}</a>
        </span>
      </div>
      <RegisterFilters params={params} onChange={go} debounceMs={debounceMs} />
      {error && <p class="error" role="alert">{t('register.error', { message: error })}</p>}
      {!page && !error && <p class="muted">{t('loading')}</p>}
      {page && (
        <>
          <div class="table-wrap">
            <RegisterTable rows={page.rows} sort={params.sort} direction={params.direction} onSort={sortBy} today={toIsoDate(now())} />
          </div>
          {page.rows.length === 0 &&
            (hasFilter(filterOf(params)) ? (
              <p class="muted empty" data-testid="register-empty">
                {t('register.empty')}{' '}
                <button type="button" class="link" onClick={() => go({ ...DEFAULT_PARAMS, sort: params.sort, direction: params.direction })}>
                  {t('filter.clear')}
                </button>
              </p>
            ) : (
              <p class="muted empty" data-testid="register-empty">{t('register.emptyAll')}</p>
            ))}
          <Pager page={params.page} shown={page.rows.length} total={page.total} onPage={(n) => go({ ...params, page: n })} />
        </>
      )}
    </section>
  );
}
