import type { Classification } from '@/utils/documents/document-values';
import type { Translate } from '@/utils/i18n';

export function ConfidentialityBanner({ level, period, t }: { level: Classification; period?: string; t: Translate }) {
  return (
    <div class={`dt-secret dt-secret-${level}`} role="alert">
      <strong class="dt-secret-level">
        {t('secret.banner', { level: t(`classification.${level}`), period: period ? t('secret.period', { period }) : '' })}
      </strong>
      <p class="dt-secret-rules">{t(level === 'top-secret' ? 'secret.rules.top-secret' : 'secret.rules.secret')}</p>
      <p class="dt-secret-note">{t('secret.intercepted')}</p>
    </div>
  );
}
