import { useState } from 'preact/hooks';
import type { Classification } from '@/utils/documents/document-values';
import type { Translate } from '@/utils/i18n';

/** The 密级 and the rules in one line; 详情 opens the full handling rules (the panel's action row stays in view). */
export function ConfidentialityBanner({ level, period, t }: { level: Classification; period?: string; t: Translate }) {
  const [open, setOpen] = useState(false);
  // 保密期限 as the page marks it (★10年, ★6个月) reads in the clerk's language; anything else is shown as marked.
  const term = /^(\d+)\s*(年|个月|月)$/.exec(period?.trim() ?? '');
  const shownPeriod = term ? t(term[2] === '年' ? 'secret.years' : 'secret.months', { n: term[1]! }) : period;
  return (
    <div class={`dt-secret dt-secret-${level}`} role="alert">
      <strong class="dt-secret-level">
        {t('secret.banner', { level: t(`classification.${level}`), period: shownPeriod ? t('secret.period', { period: shownPeriod }) : '' })}
      </strong>
      <p class="dt-secret-line">
        <span class="dt-secret-short">{t('secret.short')}</span>
        <button type="button" class="dt-link dt-more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t(open ? 'secret.less' : 'secret.more')}
        </button>
      </p>
      {open && (
        <>
          <p class="dt-secret-rules">{t(level === 'top-secret' ? 'secret.rules.top-secret' : 'secret.rules.secret')}</p>
          <p class="dt-secret-note">{t('secret.intercepted')}</p>
        </>
      )}
    </div>
  );
}
