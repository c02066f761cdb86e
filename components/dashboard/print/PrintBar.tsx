import { useEnv } from '../env';

/** Screen-only controls above a printed form; hidden on paper. */
export function PrintBar({ back }: { back: string }) {
  const { pt } = useEnv();
  return (
    <div class="print-bar no-print">
      <a href={back}>{pt('print.back')}</a>
      <button type="button" class="primary" onClick={() => window.print()}>
        {pt('print.button')}
      </button>
    </div>
  );
}
