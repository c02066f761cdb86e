import { useEffect, useState } from 'preact/hooks';
import { formatHead, parseKeptHeads, type ChainBreak, type ExtendsResult, type VerifyResult } from '@/utils/register/hash-chain';
import { isEventType } from './labels';
import { AuditFindings } from './AuditFindings';
import { messageOf, useEnv, type CheckKeptHeads, type VerifyChain } from './env';
import type { Checkpoint } from '@/utils/register/checkpoints';
import { formatTime } from './format';

type ChainState =
  | { phase: 'checking'; checked: number; total?: number }
  | { phase: 'done'; result: VerifyResult }
  | { phase: 'failed'; message: string };

/** Verifies the tamper-evident log once when the dashboard opens and says whether it holds. */
export function ChainStatus({ verifyChain, checkKeptHeads }: { verifyChain: VerifyChain; checkKeptHeads?: CheckKeptHeads }) {
  const { t } = useEnv();
  const [state, setState] = useState<ChainState>({ phase: 'checking', checked: 0 });

  useEffect(() => {
    let live = true;
    verifyChain((checked, total) => live && setState({ phase: 'checking', checked, total }))
      .then((result) => live && setState({ phase: 'done', result }))
      .catch((error: unknown) => live && setState({ phase: 'failed', message: messageOf(error) }));
    return () => {
      live = false;
    };
  }, [verifyChain]);

  if (state.phase === 'checking') {
    return (
      <div class="chain checking" data-testid="chain-status" data-state="checking" aria-label={t('chain.label')}>
        <progress value={state.total ? state.checked : undefined} max={state.total || undefined} />
        <span>{state.total ? t('chain.progress', { checked: state.checked, total: state.total }) : t('chain.checking')}</span>
      </div>
    );
  }
  if (state.phase === 'failed') {
    return (
      <div class="chain failed" data-testid="chain-status" data-state="failed" role="alert">
        {t('chain.error', { message: state.message })}
      </div>
    );
  }
  const { result } = state;
  if (result.state === 'intact') {
    return (
      <div class="chain intact" data-testid="chain-status" data-state="intact">
        {t('chain.intact', { count: result.count })}
        {result.count > 0 && (
          <>
            {' · '}
            <code data-testid="chain-head" title={t('chain.head.hint')}>
              {t('chain.head', { head: formatHead(result.head, result.headTime) })}
            </code>
          </>
        )}
        {result.audit && <AuditFindings audit={result.audit} />}
        {checkKeptHeads && <KeptHeadPanel check={checkKeptHeads} />}
      </div>
    );
  }
  return (
    <>
      <BrokenChain found={result.firstBreak} intactBefore={result.count} />
      {checkKeptHeads && <KeptHeadPanel check={checkKeptHeads} />}
    </>
  );
}

type KeptState = { phase: 'idle' } | { phase: 'checking' } | { phase: 'done'; result: ExtendsResult } | { phase: 'failed'; message: string };

/** 校验: the clerk types or pastes heads kept outside the machine and learns whether today's log extends them. */
function KeptHeadPanel({ check }: { check: CheckKeptHeads }) {
  const { t } = useEnv();
  const [text, setText] = useState('');
  const [state, setState] = useState<KeptState>({ phase: 'idle' });
  const { ask } = useEnv();
  const [checkpoints, setCheckpoints] = useState<Checkpoint[] | undefined>(undefined);
  const parsed = parseKeptHeads(text);
  const checkHeads = (heads: readonly { sequence: number; hash: string }[]) => {
    if (!heads.length) return;
    setState({ phase: 'checking' });
    check(heads, () => undefined).then(
      (result) => setState({ phase: 'done', result }),
      (error: unknown) => setState({ phase: 'failed', message: messageOf(error) }),
    );
  };
  const run = (event: Event) => {
    event.preventDefault();
    checkHeads(parsed.heads);
  };
  /** An export or backup file: its head is in its first line (CSV) or its header (backup). */
  const fromFile = async (file: File | undefined) => {
    if (!file) return;
    const start = await file.slice(0, 64 * 1024).text();
    const [first = ''] = start.replace(/^\uFEFF/, '').split(/\r?\n/);
    setText(first.length > 2000 ? (/"head":\{[^}]*\}/.exec(first)?.[0] ?? first.slice(0, 2000)) : first);
  };
  const opened = (event: Event) => {
    if ((event.currentTarget as HTMLDetailsElement).open && !checkpoints) {
      ask({ type: 'checkpoint.list' }).then(
        ({ checkpoints }) => setCheckpoints(checkpoints),
        () => setCheckpoints([]),
      );
    }
  };
  return (
    <details class="kept-heads" data-testid="kept-heads" onToggle={opened}>
      <summary>{t('kept.open')}</summary>
      <form onSubmit={run}>
        <label>
          {t('kept.label')}
          <textarea rows={3} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} data-testid="kept-input" />
        </label>
        <label class="file">
          {t('kept.file')}
          <input type="file" accept=".csv,.json,text/csv,application/json" data-testid="kept-file" onChange={(e) => void fromFile(e.currentTarget.files?.[0])} />
        </label>
        <button type="submit" disabled={!parsed.heads.length || state.phase === 'checking'}>{t('kept.check')}</button>
      </form>
      {checkpoints && (
        <div class="checkpoints" data-testid="checkpoints">
          <strong>{t('checkpoints.heading', { count: checkpoints.length })}</strong>
          {checkpoints.length === 0 ? (
            <p class="muted">{t('checkpoints.none')}</p>
          ) : (
            <>
              <ol data-testid="checkpoint-list">
                {checkpoints
                  .slice()
                  .reverse()
                  .map((c) => (
                    <li key={`${c.recordedAt}-${c.sequence}`} data-reason={c.reason}>
                      {t(c.reason === 'print' ? 'checkpoints.print' : 'checkpoints.week', { week: c.week, at: formatTime(c.recordedAt) })}{' '}
                      <code>{formatHead(c, c.headTime)}</code>
                    </li>
                  ))}
              </ol>
              <button type="button" data-testid="checkpoints-check" disabled={state.phase === 'checking'} onClick={() => checkHeads(checkpoints.map((c) => ({ sequence: c.sequence, hash: c.hash })))}>
                {t('checkpoints.check')}
              </button>
            </>
          )}
        </div>
      )}
      {text.trim() && !parsed.heads.length && <p class="muted">{t('kept.none')}</p>}
      {parsed.rejected.length > 0 && parsed.heads.length > 0 && <p class="muted">{t('kept.rejected', { lines: parsed.rejected.join(' / ') })}</p>}
      {state.phase === 'checking' && <p>{t('kept.checking')}</p>}
      {state.phase === 'failed' && <p role="alert">{t('kept.error', { message: state.message })}</p>}
      {state.phase === 'done' && <KeptVerdict result={state.result} />}
    </details>
  );
}

function KeptVerdict({ result }: { result: ExtendsResult }) {
  const { t } = useEnv();
  if (result.state === 'extends') {
    return <p data-testid="kept-result" data-state="extends">{t('kept.extends', { sequence: result.kept.at(-1)!.sequence })}</p>;
  }
  const text =
    result.state === 'diverged'
      ? t('kept.diverged', { sequence: result.sequence, since: result.sinceSequence })
      : result.state === 'shorter'
        ? t('kept.shorter', { sequence: result.kept.sequence, head: result.head.sequence, since: result.sinceSequence })
        : t('kept.broken', { sequence: result.chain.firstBreak.sequence });
  return (
    <p data-testid="kept-result" data-state={result.state} role="alert">
      <strong>{text}</strong>
    </p>
  );
}

function BrokenChain({ found, intactBefore }: { found: ChainBreak; intactBefore: number }) {
  const { t } = useEnv();
  return (
    <div class="chain broken" data-testid="chain-status" data-state="broken" role="alert">
      <strong>{t(`chain.broken.${found.kind}`, { sequence: found.sequence })}</strong>
      <dl class="chain-details">
        <dt>{t('chain.kind')}</dt>
        <dd>{t(`chain.kind.${found.kind}`)}</dd>
        <dt>{t('chain.sequence')}</dt>
        <dd>{found.sequence}</dd>
        {found.docId && (
          <>
            <dt>{t('chain.docId')}</dt>
            <dd>{found.docId}</dd>
          </>
        )}
        {found.type && (
          <>
            <dt>{t('chain.type')}</dt>
            <dd>{isEventType(found.type) ? t(`event.${found.type}`) : found.type}</dd>
          </>
        )}
        <dt>{t('chain.expected')}</dt>
        <dd><code>{found.expected}</code></dd>
        <dt>{t('chain.found')}</dt>
        <dd><code>{found.found}</code></dd>
      </dl>
      <span class="muted">{t('chain.intactBefore', { count: intactBefore })}</span>
    </div>
  );
}
