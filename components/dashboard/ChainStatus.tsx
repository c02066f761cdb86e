import { useEffect, useState } from 'preact/hooks';
import type { ChainBreak, VerifyResult } from '@/utils/register/hash-chain';
import { isEventType } from './labels';
import { messageOf, useEnv, type VerifyChain } from './env';

type ChainState =
  | { phase: 'checking'; checked: number; total?: number }
  | { phase: 'done'; result: VerifyResult }
  | { phase: 'failed'; message: string };

/** Verifies the tamper-evident log once when the dashboard opens and says whether it holds. */
export function ChainStatus({ verifyChain }: { verifyChain: VerifyChain }) {
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
      </div>
    );
  }
  return <BrokenChain found={result.firstBreak} intactBefore={result.count} />;
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
