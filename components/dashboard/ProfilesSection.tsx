import { useEffect, useState } from 'preact/hooks';
import type { ProfileEntry } from '@/utils/register/profile-store';
import type { LearnedRule } from '@/utils/register/learned-rules';
import { domSelectorCheck } from '@/utils/site-profiles/css-selector';
import { parseProfileFile, serialiseProfiles, type SiteProfile } from '@/utils/site-profiles/profile-schema';
import { messageOf, useEnv } from './env';

type Status = { phase: 'idle' } | { phase: 'done'; count: number; names: string; messages: string[] };

/** A profile as a file carries it: never marked built-in (an imported copy is the clerk's own). */
function exportable(profile: SiteProfile): SiteProfile {
  const { builtIn: _builtIn, ...rest } = profile;
  return rest;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 识别规则: built-in and the clerk's own site profiles, each switchable, with the health last seen on a page. */
export function ProfilesSection() {
  const { ask, t, now } = useEnv();
  const [entries, setEntries] = useState<ProfileEntry[] | null>(null);
  const [learned, setLearned] = useState<LearnedRule[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ phase: 'idle' });

  const refresh = () =>
    ask({ type: 'profiles.list' }).then(
      (data) => {
        setEntries(data.profiles);
        setLearned(data.learned ?? []);
        setLoadError(null);
      },
      (error: unknown) => setLoadError(messageOf(error)),
    );
  useEffect(() => void refresh(), [ask]);

  const toggle = (id: string, off: boolean) =>
    ask({ type: 'profiles.toggle', id, off }).then(refresh, (error: unknown) => setStatus({ phase: 'done', count: 0, names: '', messages: [messageOf(error)] }));
  const toggleLearned = (id: string, off: boolean) =>
    ask({ type: 'profiles.learnedToggle', id, off }).then(refresh, (error: unknown) => setStatus({ phase: 'done', count: 0, names: '', messages: [messageOf(error)] }));
  const remove = (entry: ProfileEntry) => {
    if (!confirm(t('profiles.confirmRemove', { name: entry.profile.name }))) return;
    void ask({ type: 'profiles.remove', id: entry.profile.id }).then(refresh, (error: unknown) => setStatus({ phase: 'done', count: 0, names: '', messages: [messageOf(error)] }));
  };

  const importFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    const messages: string[] = [];
    const profiles: SiteProfile[] = [];
    const engine = domSelectorCheck(document.createDocumentFragment());
    for (const file of files) {
      const parsed = parseProfileFile(await file.text(), { validateSelector: engine });
      if (parsed.ok) profiles.push(...parsed.profiles);
      else messages.push(t('profiles.fileInvalid', { file: file.name, message: parsed.message }));
    }
    if (profiles.length) {
      try {
        await ask({ type: 'profiles.save', profiles });
      } catch (error) {
        messages.push(messageOf(error));
        setStatus({ phase: 'done', count: 0, names: '', messages });
        return;
      }
    }
    setStatus({ phase: 'done', count: profiles.length, names: profiles.map((p) => p.name).join(t('list.separator')), messages });
    if (profiles.length) await refresh();
  };

  const exportAll = () => {
    const own = (entries ?? []).filter((e) => !e.builtIn).map((e) => exportable(e.profile));
    download(`doctrail-profiles-${now().toISOString().slice(0, 10)}.json`, serialiseProfiles(own));
  };

  // One notice per portal where a profile broke: each portal's pages report for their own origin only.
  const broken = (entries ?? []).flatMap((e) => (e.off ? [] : e.sites.filter((site) => site.health === 'broken').map((site) => ({ e, site }))));
  return (
    <section class="profiles" data-testid="profiles-section">
      <h2>{t('profiles.heading')}</h2>
      <p class="muted">{t('profiles.intro')}</p>
      {loadError && <p class="error" role="alert">{t('profiles.loadError', { message: loadError })}</p>}
      {broken.map(({ e, site }) => (
        <p key={`${e.profile.id} ${site.origin}`} class="profile-broken" role="alert" data-testid="profile-broken">
          <strong>{t('profiles.brokenTitle', { name: e.profile.name })}</strong> {t('profiles.brokenDetail', { url: site.url, when: new Date(site.at).toLocaleString() })}
        </p>
      ))}
      {entries && (
        <table class="profile-table">
          <thead>
            <tr>
              <th>{t('profiles.name')}</th>
              <th>{t('profiles.pages')}</th>
              <th>{t('profiles.health')}</th>
              <th>{t('profiles.on')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const { profile } = entry;
              const health = entry.off ? 'off' : (entry.health?.health ?? 'unseen');
              return [
                <tr key={profile.id} data-profile={profile.id} class={entry.off ? 'off' : ''}>
                  <td>
                    <span class="profile-name">{profile.name}</span>{' '}
                    <span class="badge">{t(entry.builtIn ? 'profiles.builtIn' : entry.replacesBuiltIn ? 'profiles.replacesBuiltIn' : 'profiles.own')}</span>
                    <br />
                    <code class="muted">{profile.id}</code>
                  </td>
                  <td class="patterns">
                    {profile.urlPatterns.slice(0, 3).map((p) => (
                      <code key={p}>{p}</code>
                    ))}
                    {profile.urlPatterns.length > 3 && <span class="muted">+{profile.urlPatterns.length - 3}</span>}
                  </td>
                  <td>
                    <span
                      class={`health health-${health}`}
                      data-health={health}
                      title={entry.sites.length ? entry.sites.map((site) => `${t(`profiles.health.${site.health}`)} · ${t('profiles.seenAt', { url: site.url, when: new Date(site.at).toLocaleString() })}`).join('\n') : undefined}
                    >
                      {t(`profiles.health.${health}`)}
                    </span>
                    {entry.health && entry.health.missing.length > 0 && health === 'partial' && (
                      <span class="muted"> {t('profiles.missing', { fields: entry.health.missing.join(t('list.separator')) })}</span>
                    )}
                  </td>
                  <td>
                    <label class="switch">
                      <input
                        type="checkbox"
                        name={`profile-on-${profile.id}`}
                        checked={!entry.off}
                        onChange={(e) => void toggle(profile.id, !e.currentTarget.checked)}
                      />
                      <span class="sr-only">{t('profiles.on')}</span>
                    </label>
                  </td>
                  <td class="row-actions">
                    <button type="button" class="export-one" onClick={() => download(`doctrail-profile-${profile.id}.json`, serialiseProfiles([exportable(profile)]))}>
                      {t('profiles.exportOne')}
                    </button>
                    {!entry.builtIn && (
                      <button type="button" class="remove" onClick={() => remove(entry)}>
                        {t('profiles.remove')}
                      </button>
                    )}
                  </td>
                </tr>,
                <LearnedRows key={`${profile.id}:learned`} rules={learned.filter((r) => r.profileId === profile.id)} missing={health === 'partial' ? (entry.health?.missing ?? []) : []} onToggle={toggleLearned} />,
              ];
            })}
            {[...new Set(learned.map((r) => r.profileId))]
              .filter((id) => !entries.some((e) => e.profile.id === id))
              .map((id) => (
                <LearnedRows key={`${id}:learned`} rules={learned.filter((r) => r.profileId === id)} missing={[]} onToggle={toggleLearned} />
              ))}
          </tbody>
        </table>
      )}
      <div class="profile-io">
        <label class="file">
          {t('profiles.import')}
          <input type="file" name="profileFiles" multiple accept=".json,application/json" onChange={(e) => void importFiles(e.currentTarget)} />
        </label>
        <button type="button" class="export-all" disabled={!(entries ?? []).some((e) => !e.builtIn)} onClick={exportAll}>
          {t('profiles.exportAll')}
        </button>
      </div>
      {status.phase === 'done' && status.count > 0 && <p class="ok" role="status">{t('profiles.imported', { count: status.count, names: status.names })}</p>}
      {status.phase === 'done' && status.messages.length > 0 && (
        <div class="error" role="alert" data-testid="profiles-error">
          {status.messages.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
    </section>
  );
}

/** 学到的规则 of one profile: each with the document it was learned from and its own switch (issue #12). */
function LearnedRows({ rules, missing, onToggle }: { rules: LearnedRule[]; missing: readonly string[]; onToggle: (id: string, off: boolean) => void }) {
  const { t } = useEnv();
  if (!rules.length) return null;
  return (
    <tr class="learned-rules" data-learned-for={rules[0]!.profileId}>
      <td colSpan={5}>
        <strong>{t('profiles.learned')}</strong>
        <ul>
          {rules.map((rule) => (
            <li key={rule.id} data-learned-rule={rule.id} data-field={rule.field} class={rule.off ? 'off' : ''}>
              <label class="switch">
                <input type="checkbox" name={`learned-on-${rule.id}`} checked={!rule.off} onChange={(e) => onToggle(rule.id, !e.currentTarget.checked)} />
                <span class="sr-only">{t('profiles.learnedOn')}</span>
              </label>{' '}
              <span class="learned-what">{t('profiles.learnedRule', { field: t(`field.${rule.field}`), label: rule.candidate.label })}</span>{' '}
              <span class="learned-from muted">
                {t('profiles.learnedFrom', { registrationNo: rule.source.registrationNo, title: rule.source.title, when: new Date(rule.at).toLocaleString() })}
              </span>
              {!rule.off && missing.includes(rule.field) && <span class="health health-partial"> {t('profiles.learnedMissing')}</span>}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
