import { useState } from 'preact/hooks';
import { toIsoDate } from '@/utils/deadlines/local-date';
import { OPEN_STATUSES, type DocumentRecord, type EventRecord } from '@/utils/documents/document-schema';
import { messageOf, useEnv } from '../dashboard/env';
import { formatTime } from '../dashboard/format';
import { chaseHash } from '../dashboard/route';

type Mode = 'set' | 'feedback' | 'chase' | 'complete' | null;

/** 督办 on a document's page: the terms, time left, 反馈 entries, and 列入督办 / 反馈 / 催办 / 办结. */
export function SupervisionPanel({ doc, events, onDone }: { doc: DocumentRecord; events: EventRecord[]; onDone: () => void }) {
  const { ask, t, lt, now } = useEnv();
  const s = doc.supervision;
  const openDoc = (OPEN_STATUSES as readonly string[]).includes(doc.status);
  const openItem = !!s && s.completedAt === undefined && openDoc;
  const today = toIsoDate(now());
  const [mode, setMode] = useState<Mode>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [terms, setTerms] = useState({ unit: s?.unit ?? '', handler: s?.handler ?? '', leader: s?.leader ?? '', requirement: s?.requirement ?? '', dueDate: s?.dueDate ?? '', workingDays: '' });
  const [text, setText] = useState('');
  const [date, setDate] = useState(today);
  const feedback = events.filter((e) => e.type === 'feedback');

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      setMode(null);
      setText('');
      setError(null);
      onDone();
    } catch (err) {
      setError(t('error.background', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  };

  const submitTerms = (e: Event) => {
    e.preventDefault();
    if (!terms.unit.trim()) return setError(lt('sup.needUnit'));
    const days = Number(terms.workingDays);
    if (!terms.dueDate && !(days >= 1)) return setError(lt('sup.needDue'));
    void run(() =>
      ask({
        type: 'supervision.set',
        docId: doc.id,
        unit: terms.unit.trim(),
        ...(terms.handler.trim() && { handler: terms.handler.trim() }),
        ...(terms.leader.trim() && { leader: terms.leader.trim() }),
        ...(terms.requirement.trim() && { requirement: terms.requirement.trim() }),
        ...(terms.workingDays.trim() && days >= 1 ? { workingDays: days } : { dueDate: terms.dueDate }),
      }),
    );
  };

  const state = s && openItem ? (s.dueDate < today ? 'overdue' : s.dueDate === today ? 'soon' : 'ok') : undefined;
  const termInput = (name: 'unit' | 'handler' | 'leader', label: 'sup.unit' | 'sup.handler' | 'sup.leader') => (
    <label>
      {lt(label)}
      <input name={name} maxLength={name === 'unit' ? 100 : 50} value={terms[name]} onInput={(e) => setTerms({ ...terms, [name]: e.currentTarget.value })} />
    </label>
  );

  return (
    <section class="supervision-panel" data-testid="supervision-panel" data-state={state ?? (s?.completedAt ? 'completed' : 'none')}>
      <h2>{lt('sup.heading')}</h2>
      {!s && <p class="muted">{lt('sup.none')}</p>}
      {s && (
        <dl class="sup-terms">
          <dt>{lt('sup.unit')}</dt><dd>{s.unit}{s.handler ? ` · ${s.handler}` : ''}</dd>
          {s.leader && (<><dt>{lt('sup.leader')}</dt><dd>{s.leader}</dd></>)}
          {s.requirement && (<><dt>{lt('sup.requirement')}</dt><dd>{s.requirement}</dd></>)}
          <dt>{lt('sup.due')}</dt>
          <dd>
            {s.dueDate}{' '}
            {state && (
              <span class={`sup-state ${state}`} data-testid="supervision-state">
                {state === 'overdue' ? lt('sup.overdueDays', { days: Math.round((Date.parse(today) - Date.parse(s.dueDate)) / 86_400_000) }) : state === 'soon' ? lt('sup.dueToday') : ''}
              </span>
            )}
            {s.completedOn && <span class="ok"> {lt('sup.completedOn', { date: s.completedOn })}</span>}
          </dd>
          {s.result && (<><dt>{lt('sup.result')}</dt><dd>{s.result}</dd></>)}
          <dt>{lt('sup.feedback')}</dt>
          <dd>
            {feedback.length === 0 ? '—' : (
              <ul class="feedback-list">
                {feedback.map((f) => (
                  <li key={f.sequence}>{String(f.details.date ?? formatTime(f.timestamp))}：{String(f.details.text ?? '')}</li>
                ))}
              </ul>
            )}
            {s.chaseCount > 0 && <span class="muted">{lt('sup.chases', { count: s.chaseCount })}</span>}
          </dd>
        </dl>
      )}
      {openDoc && (
        <div class="action-buttons no-print">
          {(!s || s.completedAt === undefined) && <button type="button" data-mode="set" onClick={() => setMode(mode === 'set' ? null : 'set')}>{lt(s ? 'sup.edit' : 'sup.set')}</button>}
          {openItem && <button type="button" data-mode="feedback" onClick={() => setMode('feedback')}>{lt('sup.addFeedback')}</button>}
          {openItem && <button type="button" data-mode="chase" onClick={() => setMode('chase')}>{lt('sup.chase')}</button>}
          {openItem && <a href={chaseHash(doc.id)} data-testid="chase-print">{lt('sup.chasePrint')}</a>}
          {openItem && <button type="button" data-mode="complete" onClick={() => setMode('complete')}>{lt('sup.complete')}</button>}
        </div>
      )}
      {mode === 'set' && (
        <form class="inline-form ledger-form" data-testid="supervision-form" onSubmit={submitTerms} noValidate>
          <div class="form-grid">
            {termInput('unit', 'sup.unit')}
            {termInput('handler', 'sup.handler')}
            {termInput('leader', 'sup.leader')}
            <label class="wide">
              {lt('sup.requirement')}
              <input name="requirement" maxLength={500} value={terms.requirement} onInput={(e) => setTerms({ ...terms, requirement: e.currentTarget.value })} />
            </label>
            <label>
              {lt('sup.due')} · {lt('sup.dueDate')}
              <input name="dueDate" type="date" value={terms.dueDate} onInput={(e) => setTerms({ ...terms, dueDate: e.currentTarget.value })} />
            </label>
            <label>
              {lt('sup.dueDays')}
              <input name="workingDays" type="number" min={1} max={120} value={terms.workingDays} onInput={(e) => setTerms({ ...terms, workingDays: e.currentTarget.value })} />
            </label>
          </div>
          <button type="submit" class="primary" disabled={busy}>{lt('sup.save')}</button>
        </form>
      )}
      {mode === 'feedback' && (
        <form class="inline-form" data-testid="feedback-form" onSubmit={(e) => (e.preventDefault(), text.trim() && void run(() => ask({ type: 'supervision.feedback', docId: doc.id, date, text: text.trim() })))} noValidate>
          <label>{lt('sup.feedbackDate')}<input name="date" type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} /></label>
          <label>{lt('sup.feedbackText')}<input name="text" maxLength={1000} value={text} onInput={(e) => setText(e.currentTarget.value)} /></label>
          <button type="submit" class="primary" disabled={busy}>{lt('sup.addFeedback')}</button>
        </form>
      )}
      {mode === 'chase' && (
        <form class="inline-form" data-testid="chase-form" onSubmit={(e) => (e.preventDefault(), void run(() => ask({ type: 'supervision.chase', docId: doc.id, ...(text.trim() && { text: text.trim() }) })))} noValidate>
          <label>{lt('sup.chaseNote')}<input name="text" maxLength={500} value={text} onInput={(e) => setText(e.currentTarget.value)} /></label>
          <button type="submit" class="primary" disabled={busy}>{lt('sup.chaseRecord')}</button>
        </form>
      )}
      {mode === 'complete' && (
        <form class="inline-form" data-testid="complete-form" onSubmit={(e) => (e.preventDefault(), text.trim() ? void run(() => ask({ type: 'supervision.complete', docId: doc.id, result: text.trim() })) : setError(lt('sup.needResult')))} noValidate>
          <label>{lt('sup.result')}<input name="result" maxLength={1000} value={text} onInput={(e) => setText(e.currentTarget.value)} /></label>
          <button type="submit" class="primary" disabled={busy}>{lt('sup.completeSubmit')}</button>
        </form>
      )}
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
