import { useEnv } from '../env';

/** Screen-only controls above a printed form; hidden on paper. */
export function PrintBar({ back, beforePrint }: { back: string; /** Runs (and is waited for) before the print dialog opens. */ beforePrint?: () => Promise<void> }) {
  const { pt } = useEnv();
  const print = async () => {
    if (beforePrint) {
      await beforePrint().catch(() => undefined);
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    }
    window.print();
  };
  return (
    <div class="print-bar no-print">
      <a href={back}>{pt('print.back')}</a>
      <button type="button" class="primary" onClick={() => void print()}>
        {pt('print.button')}
      </button>
    </div>
  );
}
