import { useEnv } from './env';
import { PAGE_SIZE } from './route';

export interface PagerProps {
  page: number;
  shown: number;
  total: number;
  onPage: (page: number) => void;
}

/** 第 x–y 条，共 N 条 with 上一页 / 下一页. */
export function Pager({ page, shown, total, onPage }: PagerProps) {
  const { t } = useEnv();
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = first + shown - 1;
  return (
    <nav class="pager" aria-label={t('pager.label')} data-testid="pager">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.prev')}
      </button>
      <span class="range">{shown ? t('pager.range', { from: first, to: last, total }) : t('pager.total', { total })}</span>
      <button type="button" disabled={last >= total || !shown} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
