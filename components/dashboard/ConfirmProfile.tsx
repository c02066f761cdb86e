import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Language } from '@/utils/i18n';
import { createTeachTranslator, type TeachKey } from '@/utils/i18n/teach';
import type { SiteProfile } from '@/utils/site-profiles/profile-schema';
import { CONFIRM_DELAY_MS } from '@/utils/messaging/proposals';
import { useEnv } from './env';

/** The proposal this page last showed and the clerk has not yet saved or discarded (see `replaced`). */
let unsettled: string | undefined;

/**
 * `#/confirm-profile/<id>`: a profile taught with 教我识别 is saved only here, on DocTrail's own page, by the clerk —
 * never from the portal page the picker ran on (a page could drive the picker, or lay a decoy over its 保存).
 * Every value is shown as text.
 *
 * The portal page can propose again while the clerk reads (this tab is then sent to the new proposal): 保存 stays
 * disabled until what is shown has stood for `CONFIRM_DELAY_MS` with the tab in front, the clerk is told when the
 * content was replaced, and 保存 sends the id and digest of what was shown — the background saves its own copy only
 * if that is still the open proposal (utils/messaging/proposals.ts).
 */
export function ConfirmProfile({ id, language }: { id: string; language: Language }) {
  const { ask } = useEnv();
  const tt = useMemo(() => createTeachTranslator(language), [language]);
  const [shown, setShown] = useState<{ profile: SiteProfile; digest: string } | null | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [armed, setArmed] = useState(false);
  // Another proposal was open here, neither saved nor discarded: the page swapped it.
  const [replaced] = useState(() => unsettled !== undefined && unsettled !== id);
  useEffect(() => {
    ask({ type: 'profiles.proposal', id }).then(
      (answer) => setShown(answer.profile && answer.digest ? { profile: answer.profile as SiteProfile, digest: answer.digest } : null),
      () => setShown(null),
    );
  }, [id]);
  // 保存 is armed only once the content has been in front of the clerk for a while: after it appears, and again
  // after the tab comes back to the front or the window regains focus (the page can bring this tab forward).
  useEffect(() => {
    if (!shown) return;
    unsettled = id;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const rearm = () => {
      clearTimeout(timer);
      setArmed(false);
      if (document.visibilityState === 'visible') timer = setTimeout(() => setArmed(true), CONFIRM_DELAY_MS);
    };
    rearm();
    document.addEventListener('visibilitychange', rearm);
    window.addEventListener('focus', rearm);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', rearm);
      window.removeEventListener('focus', rearm);
    };
  }, [shown]);
  if (shown === undefined) return null;
  if (shown === null) return <p data-testid="confirm-missing">{tt('confirm.missing')}</p>;
  const { profile } = shown;
  const settle = (message: string) => {
    if (unsettled === id) unsettled = undefined;
    setDone(message);
  };
  const save = () => {
    if (!armed) return;
    ask({ type: 'profiles.confirmProposal', id, digest: shown.digest }).then(
      () => settle(tt('confirm.saved', { name: profile.name })),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section data-testid="confirm-profile">
      <h1>{tt('confirm.title')}</h1>
      {replaced && !done && (
        <p role="alert" class="error" data-testid="confirm-replaced">
          {tt('confirm.replaced')}
        </p>
      )}
      <p>{tt('confirm.intro')}</p>
      <h2 data-testid="confirm-name">{profile.name}</h2>
      {profile.description && <p class="muted">{profile.description}</p>}
      <p>
        {tt('confirm.patterns')}：<code>{profile.urlPatterns.join('  ')}</code>
      </p>
      <table>
        <thead>
          <tr>
            <th>{tt('confirm.field')}</th>
            <th>{tt('confirm.selector')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(profile.fields).map(([field, candidates]) => (
            <tr key={field} data-field={field}>
              <td>{tt(`teach.field.${field}` as TeachKey)}</td>
              <td>
                <code>{(candidates ?? []).map((c) => c.selector ?? c.label ?? '').join(' | ')}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {done ? (
        <p role="status" data-testid="confirm-done">{done}</p>
      ) : (
        <p>
          <button type="button" class="primary" data-testid="confirm-save" disabled={!armed} onClick={save}>
            {tt('confirm.save')}
          </button>{' '}
          <button type="button" data-testid="confirm-discard" onClick={() => settle(tt('confirm.discarded'))}>
            {tt('confirm.discard')}
          </button>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
