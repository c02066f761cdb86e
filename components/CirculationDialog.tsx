import { useState } from 'preact/hooks';
import type { Purpose } from '@/utils/documents/document-schema';
import type { ReturnSource } from '@/utils/deadlines/deadline';
import type { Translate } from '@/utils/i18n';
import { preventSubmit, trustedClick, trustedEnter } from './trusted';
import { TopDialog } from './TopDialog';

export interface CirculationDialogProps {
  verb: string;
  recipients: string[];
  purpose: Purpose;
  /** The proposed return date and where it comes from (the page's 归还期限 first): the prompt says which. */
  proposal: { date: string; source: ReturnSource };
  today: string;
  registered: boolean;
  t: Translate;
  onRecord: (send: { recipients: string[]; purpose: Purpose; expectedReturn: string }) => void;
  onCancel: () => void;
}

export function splitNames(text: string): string[] {
  return [...new Set(text.split(/[,，、;；\n]+/).map((n) => n.trim()).filter(Boolean))];
}

/** Where the document goes when the clerk uses the portal's own send action: to whom, why, back by when. */
export function CirculationDialog(props: CirculationDialogProps) {
  const { t } = props;
  const [names, setNames] = useState(props.recipients.join('、'));
  const [purpose, setPurpose] = useState<Purpose>(props.purpose);
  const [expectedReturn, setExpectedReturn] = useState(props.proposal.date);
  const [tried, setTried] = useState(false);
  const recipients = splitNames(names);
  const submit = () => {
    setTried(true);
    if (recipients.length) props.onRecord({ recipients, purpose, expectedReturn });
  };
  return (
    <TopDialog labelledBy="dt-circ-title" onEscape={props.onCancel}>
      <form onSubmit={preventSubmit} onKeyDown={trustedEnter(submit)}>
      <h3 id="dt-circ-title">{t('circ.title', { verb: props.verb })}</h3>
      <label class="dt-field">
        <span>{t('circ.recipients')}</span>
        <input autoFocus value={names} onInput={(e) => setNames(e.currentTarget.value)} aria-invalid={tried && !recipients.length} />
      </label>
      <fieldset class="dt-field dt-inline">
        <legend>{t('circ.purpose')}</legend>
        {(['read', 'handle'] as const).map((p) => (
          <label key={p}>
            <input type="radio" name="dt-purpose" checked={purpose === p} onChange={() => setPurpose(p)} /> {t(`circ.purpose.${p}`)}
          </label>
        ))}
      </fieldset>
      <label class="dt-field">
        <span>{t('circ.return')}</span>
        <input type="date" value={expectedReturn} onInput={(e) => setExpectedReturn(e.currentTarget.value)} />
      </label>
      {expectedReturn === props.proposal.date && (
        <p class="dt-muted dt-return-source">
          {t(`circ.from.${props.proposal.source}`, { date: props.proposal.date })}
          {props.proposal.source === 'page' && props.proposal.date < props.today ? t('circ.from.passed') : ''}
        </p>
      )}
      {tried && !recipients.length && <p class="dt-error" role="alert">{t('circ.needRecipient')}</p>}
      {!props.registered && <p class="dt-muted">{t('dialog.registerFirst')}</p>}
      <div class="dt-actions">
        <button type="button" class="dt-secondary" onClick={props.onCancel}>
          {t('dialog.cancel')}
        </button>
        <button type="submit" class="dt-primary" onClick={trustedClick(submit)}>
          {props.registered ? t('circ.record') : t('circ.recordAndRegister')}
        </button>
      </div>
      </form>
    </TopDialog>
  );
}
