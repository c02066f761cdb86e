import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { trackSurface } from './click-guard';

/** Shows a dialog as a modal (top layer); where that is impossible, at least open. */
export function openModal(dialog: HTMLDialogElement): void {
  try {
    dialog.showModal();
  } catch {
    dialog.setAttribute('open', '');
  }
}

/**
 * A prompt in the top layer (`<dialog>`.showModal() inside the closed shadow root): no page element, whatever its
 * z-index, can be laid over it, and its clicks count only once it has been really visible for a while (click-guard).
 * Esc does not close it behind the component's back: `onEscape` decides.
 */
export function TopDialog(props: { class?: string | false; labelledBy: string; onEscape?: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) openModal(dialog);
    const stop = trackSurface(dialog);
    return () => {
      stop();
      if (dialog.open) dialog.close?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={`dt-dialog ${props.class || ''}`}
      role="dialog"
      aria-modal="true"
      aria-labelledby={props.labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        if (e.isTrusted) props.onEscape?.();
      }}
    >
      {props.children}
    </dialog>
  );
}
