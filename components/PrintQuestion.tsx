import type { Translate } from '@/utils/i18n';
import { HandlingDialog } from './HandlingDialog';

/** A print DocTrail did not hold (the browser menu, or the page's own `print()`), as the background forwards it to the top frame. */
export interface PrintQuestionData {
  docId: string;
  /** How the clerk recognises the document: 收文编号, 文号 and title (shown as text, never as HTML). */
  label: string;
}

/**
 * 检测到打印，来源不明：是您打印的吗？ — asked in the tab's top frame, once per document at a time. Only the clerk's
 * trusted answer writes: `printed` with a reason, or a record that the print was not theirs.
 */
export function PrintQuestion(props: { question: PrintQuestionData; t: Translate; onAnswer: (mine: boolean, reason?: string) => void }) {
  const { t, question, onAnswer } = props;
  return (
    <HandlingDialog
      request={{ action: 'printed' }}
      registered
      t={t}
      onDone={(answer) => answer && onAnswer(true, answer.reason)}
      question={{ title: t('print.question'), label: question.label, onNotMine: () => onAnswer(false) }}
    />
  );
}
