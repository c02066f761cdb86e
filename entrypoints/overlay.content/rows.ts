import { accepts, trackSurface } from '@/components/click-guard';
import type { Classification } from '@/utils/documents/document-values';
import type { DocumentDraft } from '@/utils/documents/document-schema';
import type { Translate } from '@/utils/i18n';
import { ask } from '@/utils/messaging/background-client';
import type { RowState } from '@/utils/messaging/protocol';
import { MAX_BATCH, MAX_ROWS } from '@/utils/messaging/row-limits';

/**
 * Marks in a 待办 / 收文 list's rows: registered or not, and 登记 to choose a row. Each mark is a `<doctrail-row>` host
 * in the row's title cell with a CLOSED shadow root; the host is absolutely positioned with no size (the portal's
 * layout never moves) and the mark inside has one fixed size whatever it says, so the page can neither read nor
 * measure which of its documents are registered. 登记 needs a trusted click on a mark shown ≥ 500 ms (click-guard);
 * choosing only selects, the overlay's one confirmation registers.
 */
const CSS =
  ':host{all:initial!important;position:absolute!important}button{position:absolute;left:6px;top:-2px;width:64px;height:20px;padding:0;box-sizing:border-box;overflow:hidden;white-space:nowrap;font:12px/18px system-ui,sans-serif;border:1px solid #1a6fb5;border-radius:10px;background:#fff;color:#1a6fb5;cursor:pointer}' +
  '[data-s=selected]{background:#1a6fb5;color:#fff}[data-s=registered],[data-s=elsewhere]{border-color:#2e7d32;color:#2e7d32}[data-s=near]{border-color:#a65f00;color:#a65f00}';

type MarkState = RowState | 'selected';
interface Row {
  cell: Element;
  draft: DocumentDraft;
  host: HTMLElement;
  button: HTMLButtonElement;
  state: MarkState;
}
export interface RowResult {
  title: string;
  outcome: string;
  registrationNo?: string;
}

export type RowMarks = ReturnType<typeof rowMarks>;

export function rowMarks(t: Translate) {
  const events = new EventTarget();
  let rows: Row[] = [];
  const paint = (row: Row, state: MarkState) => {
    row.state = state;
    row.button.dataset.s = state;
    row.button.textContent = t(`rows.${state}`);
    row.button.disabled = state !== 'new' && state !== 'selected';
  };
  const changed = () => events.dispatchEvent(new Event('change'));
  const mark = (cell: Element, draft: DocumentDraft): Row => {
    const host = document.createElement('doctrail-row');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    const button = document.createElement('button');
    style.textContent = CSS;
    button.type = 'button';
    button.title = t('rows.label');
    root.append(style, button);
    const row: Row = { cell, draft, host, button, state: 'new' };
    paint(row, 'new');
    // The portal's row handlers (open the document on a row click) never see a click on the mark.
    host.addEventListener('click', (event) => event.stopPropagation());
    button.addEventListener('click', (event) => {
      if (!accepts(event) || button.disabled) return;
      paint(row, row.state === 'new' ? 'selected' : 'new');
      changed();
    });
    cell.append(host);
    trackSurface(button);
    return row;
  };
  const same = (a: DocumentDraft, b: DocumentDraft) => JSON.stringify(a) === JSON.stringify(b);

  return Object.assign(events, {
    /** Marks these rows (the first MAX_ROWS): kept where row and document are unchanged, looked up again in the register. */
    async show(cells: readonly Element[], drafts: readonly (DocumentDraft | null)[]) {
      const next: Row[] = [];
      for (let i = 0; i < cells.length && next.length < MAX_ROWS; i++) {
        const draft = drafts[i];
        if (!draft) continue;
        const kept = rows.find((row) => row.cell === cells[i] && row.host.isConnected && same(row.draft, draft));
        next.push(kept ?? mark(cells[i]!, draft));
      }
      for (const row of rows) if (!next.includes(row)) row.host.remove();
      rows = next;
      if (!rows.length) return;
      const { states } = await ask({
        type: 'rows.lookup',
        rows: rows.map(({ draft: { docNumber, issuer, title, receivedDate, sourceUrl } }) => ({ docNumber, issuer, title, receivedDate, sourceUrl: sourceUrl! })),
      });
      states.forEach((state, i) => rows[i] && !(state === 'new' && rows[i].state === 'selected') && paint(rows[i], state));
      changed();
    },
    clear() {
      for (const row of rows) row.host.remove();
      rows = [];
    },
    selected: () => rows.filter((row) => row.state === 'selected').map((row) => row.draft),
    /** Registers the chosen rows (one message, each its own number and event); `level` for rows the page shows no 密级. */
    async register(level?: Classification): Promise<RowResult[]> {
      const chosen = rows.filter((row) => row.state === 'selected').slice(0, MAX_BATCH);
      const { results } = await ask({
        type: 'rows.register',
        rows: chosen.map(({ draft }) => ({ draft: { ...draft, classification: draft.classification ?? level }, classificationConfirmed: !draft.classification })),
      });
      const out = results.map((result, i) => {
        const row = chosen[i]!;
        paint(row, result.outcome === 'registered' || result.outcome === 'existed' ? 'registered' : result.outcome === 'failed' ? 'new' : (result.outcome as MarkState));
        return { title: row.draft.title, ...result };
      });
      changed();
      return out;
    },
  });
}
