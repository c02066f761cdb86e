import { useEffect, useState } from 'preact/hooks';
import type { ResponseData } from '@/utils/messaging/protocol';
import { messageOf, useEnv } from '../dashboard/env';
import { formatTime } from '../dashboard/format';
import { documentHash, supervisionHash } from '../dashboard/route';

type Board = ResponseData<'supervision.board'>;
type State = 'overdue' | 'soon' | undefined;

/** `#/supervision` (督办台账): open items grouped by 承办单位, time left or days overdue; `print` is the printable form. */
export function SupervisionPage({ unit, state, print = false }: { unit?: string; state?: State; print?: boolean }) {
  const { ask, t, lt, navigate } = useEnv();
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ask({ type: 'supervision.board', ...(unit && { unit }), ...(state && { state }) })
      .then((data) => (setBoard(data), setError(null)))
      .catch((e: unknown) => setError(messageOf(e)));
  }, [ask, unit, state]);

  return (
    <section class={`supervision-board${print ? ' print-view' : ''}`} data-testid="supervision-board">
      <div class="page-head">
        <h1>{lt('board.heading')}{board && <span class="muted"> · {lt('board.count', { count: board.total })}</span>}</h1>
        {print ? (
          <button type="button" class="no-print" onClick={() => window.print()}>{lt('board.print')}</button>
        ) : (
          <a class="print-link" href={supervisionHash({ unit, state }, true)}>{lt('board.print')}</a>
        )}
      </div>
      {!print && board && (
        <div class="filters-row no-print">
          <label>
            {lt('board.filterUnit')}
            <select name="unit" value={unit ?? ''} onChange={(e) => navigate(supervisionHash({ unit: e.currentTarget.value || undefined, state }))}>
              <option value="">{t('filter.all')}</option>
              {board.units.map((u) => (
                <option key={u} value={u}>{u}</option>
              ))}
            </select>
          </label>
          <label>
            {lt('board.filterState')}
            <select name="state" value={state ?? ''} onChange={(e) => navigate(supervisionHash({ unit, state: (e.currentTarget.value || undefined) as State }))}>
              <option value="">{lt('board.state.all')}</option>
              <option value="overdue">{lt('board.state.overdue')}</option>
              <option value="soon">{lt('board.state.soon')}</option>
            </select>
          </label>
        </div>
      )}
      {error && <p class="error" role="alert">{t('error.background', { message: error })}</p>}
      {!board && !error && <p class="muted">{t('loading')}</p>}
      {board && board.total === 0 && <p class="muted">{lt('board.empty')}</p>}
      {board?.groups.map((group) => (
        <div key={group.unit} class="board-group" data-testid="board-group" data-unit={group.unit}>
          <h2>{group.unit} <span class="muted">{lt('board.count', { count: group.items.length })}</span></h2>
          <table class="board-table">
            <thead>
              <tr>
                <th>{lt('board.col.regNo')}</th>
                <th>{lt('board.col.title')}</th>
                <th>{lt('board.col.handler')}</th>
                <th>{lt('board.col.leader')}</th>
                <th>{lt('board.col.due')}</th>
                <th>{lt('board.col.left')}</th>
                <th>{lt('board.col.last')}</th>
              </tr>
            </thead>
            <tbody>
              {group.items.map((item) => (
                <tr key={item.id} data-testid="board-row" data-state={item.state}>
                  <td><a href={documentHash(item.id)}>{item.registrationNo}</a></td>
                  <td>{item.title}</td>
                  <td>{item.handler ?? '—'}</td>
                  <td>{item.leader ?? '—'}</td>
                  <td>{item.dueDate}</td>
                  <td class={item.state}>
                    {item.state === 'overdue' ? lt('sup.overdueDays', { days: item.overdueDays }) : item.workingDaysLeft === 0 ? lt('sup.dueToday') : lt('sup.daysLeft', { days: item.workingDaysLeft })}
                  </td>
                  <td>
                    {item.lastFeedbackAt !== undefined ? formatTime(item.lastFeedbackAt) : '—'}
                    {item.chaseCount > 0 && <span class="muted"> · {lt('sup.chases', { count: item.chaseCount })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
