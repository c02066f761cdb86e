import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Language } from '@/utils/i18n';
import { createTeachTranslator, type TeachKey } from '@/utils/i18n/teach';
import type { SiteProfile } from '@/utils/site-profiles/profile-schema';
import { useEnv } from './env';

/**
 * `#/confirm-profile/<id>`: a profile taught with 教我识别 is saved only here, on DocTrail's own page, by the clerk —
 * never from the portal page the picker ran on (a page could drive the picker, or lay a decoy over its 保存).
 * Every value is shown as text.
 */
export function ConfirmProfile({ id, language }: { id: string; language: Language }) {
  const { ask } = useEnv();
  const tt = useMemo(() => createTeachTranslator(language), [language]);
  const [profile, setProfile] = useState<SiteProfile | null | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ask({ type: 'profiles.proposal', id }).then((answer) => setProfile(answer.profile as SiteProfile | null), () => setProfile(null));
  }, [id]);
  if (profile === undefined) return null;
  if (profile === null) return <p data-testid="confirm-missing">{tt('confirm.missing')}</p>;
  const save = () => {
    ask({ type: 'profiles.save', profiles: [profile] }).then(
      () => setDone(tt('confirm.saved', { name: profile.name })),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section data-testid="confirm-profile">
      <h1>{tt('confirm.title')}</h1>
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
          <button type="button" class="primary" data-testid="confirm-save" onClick={save}>
            {tt('confirm.save')}
          </button>{' '}
          <button type="button" data-testid="confirm-discard" onClick={() => setDone(tt('confirm.discarded'))}>
            {tt('confirm.discard')}
          </button>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
