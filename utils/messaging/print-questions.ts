/**
 * Prints DocTrail did not hold (the browser menu, or the page calling `print()` itself — `beforeprint` is trusted
 * either way) write nothing by themselves: the background asks the clerk in the tab's TOP frame
 * (检测到打印，来源不明：是您打印的吗？), and only the answer to a question it asked is written.
 * At most one open question per document per tab, whatever the number of frames or calls.
 */

/** The message the background sends to a frame's content script; the content script answers `true` when it shows it. */
export const PRINT_QUESTION = 'doctrail.printQuestion';

export interface PrintQuestionMessage {
  type: typeof PRINT_QUESTION;
  docId: string;
  label: string;
}

/** Sends to one frame of a tab; resolves `true` only when that frame's DocTrail took the question. */
export type DeliverToFrame = (tabId: number, frameId: number, message: PrintQuestionMessage) => Promise<boolean>;

export interface PrintQuestions {
  /** Asks about a print of `docId` seen in `frameId` of `tabId`; false when one is already open (or nobody could ask). */
  ask(tabId: number, frameId: number, docId: string, label: string): Promise<boolean>;
  /** Closes the open question; false when there was none (an answer nobody asked for is refused). */
  settle(tabId: number, docId: string): boolean;
  /** The tab navigated or closed: its questions are gone with its pages. */
  forgetTab(tabId: number): void;
}

export function createPrintQuestions(deliver: DeliverToFrame): PrintQuestions {
  const open = new Map<number, Set<string>>();
  return {
    async ask(tabId, frameId, docId, label) {
      const docs = open.get(tabId) ?? new Set<string>();
      if (docs.has(docId)) return false;
      docs.add(docId); // before any await: a burst of frames sees it at once
      open.set(tabId, docs);
      const message: PrintQuestionMessage = { type: PRINT_QUESTION, docId, label };
      // The top frame asks; where DocTrail does not run there (a portal page framed by another site), the frame itself.
      if (await deliver(tabId, 0, message).catch(() => false)) return true;
      if (frameId !== 0 && (await deliver(tabId, frameId, message).catch(() => false))) return true;
      docs.delete(docId);
      return false;
    },
    settle(tabId, docId) {
      return open.get(tabId)?.delete(docId) ?? false;
    },
    forgetTab(tabId) {
      open.delete(tabId);
    },
  };
}
