import { useState } from 'preact/hooks';
import type { Translate } from '@/utils/i18n';
import type { HandlingRequest } from '@/utils/messaging/prompt-bus';
import type { Classification } from '@/utils/documents/document-values';
import { CorrectClassification, ReasonChoices } from './ReasonChoices';
import { preventSubmit, trustedClick } from './trusted';
import { TopDialog } from './TopDialog';

export interface HandlingDialogProps {
  request: HandlingRequest;
  registered: boolean;
  t: Translate;
  onDone: (answer: { reason: string } | null) => void;
  /** One-click reasons: the clerk's recent ones, then the presets from settings. */
  reasons?: readonly string[];
  /** The page's 密级, and the way to say it is wrong (此页不涉密 / 密级有误) instead of giving a reason. */
  level?: Classification;
  onCorrect?: (level: Classification) => void;
  /**
   * The print question (检测到打印，来源不明：是您打印的吗？): its own title and the document it is about; the two answers
   * are 是我打印的 (with a reason) and 不是我 — both write, so both need the clerk's own click.
   */
  question?: { title: string; label: string; onNotMine: () => void };
}

/** Asks why a classified document is printed, copied or downloaded; nothing happens without a reason. */
export function HandlingDialog({ request, registered, t, onDone, reasons = [], level, onCorrect, question }: HandlingDialogProps) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const proceed = () => {
    setTried(true);
    if (reason.trim()) onDone({ reason: reason.trim() });
  };
  const cancel = () => onDone(null);
  return (
    <TopDialog class={question && 'dt-question'} labelledBy="dt-dialog-title" onEscape={question ? undefined : cancel}>
      <form onSubmit={preventSubmit}>
      <h3 id="dt-dialog-title">{question ? question.title : t(`dialog.${request.action}.title`)}</h3>
      {question && <p class="dt-doc">{question.label}</p>}
      {request.detail && <p class="dt-muted">{t(`dialog.detail.${request.action}`, { detail: request.detail })}</p>}
      {!registered && <p class="dt-muted">{t('dialog.registerFirst')}</p>}
      <ReasonChoices reasons={reasons} onPick={setReason} t={t} />
      <label class="dt-field">
        <span>{t('dialog.reason')}</span>
        <textarea autoFocus rows={2} maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={tried && !reason.trim()} />
      </label>
      {tried && !reason.trim() && <p class="dt-error" role="alert">{t('dialog.reasonRequired')}</p>}
      {onCorrect && <CorrectClassification level={level} onCorrect={onCorrect} t={t} />}
      <div class="dt-actions">
        <button type="button" class="dt-secondary" onClick={question ? trustedClick(question.onNotMine) : cancel}>
          {t(question ? 'print.notMine' : 'dialog.cancel')}
        </button>
        <button type="submit" class="dt-primary" onClick={trustedClick(proceed)}>
          {t(question ? 'print.mine' : 'dialog.proceed')}
        </button>
      </div>
      </form>
    </TopDialog>
  );
}
