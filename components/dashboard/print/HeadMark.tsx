import { encode } from 'uqr';
import { formatHead, headQrText, type ChainHead } from '@/utils/register/hash-chain';
import { useEnv } from '../env';

/** The QR code of a text as SVG squares (no markup from a string: each module is an element). */
export function QrCode({ text, size = 96, testId }: { text: string; size?: number; testId?: string }) {
  const { data } = encode(text, { ecc: 'M', border: 2 });
  const n = data.length;
  const path: string[] = [];
  data.forEach((row, y) => row.forEach((dark, x) => dark && path.push(`M${x},${y}h1v1h-1z`)));
  return (
    <svg class="qr" width={size} height={size} viewBox={`0 0 ${n} ${n}`} shape-rendering="crispEdges" role="img" data-testid={testId} data-text={text}>
      <rect width={n} height={n} fill="#fff" />
      <path d={path.join('')} fill="#000" />
    </svg>
  );
}

/** On a printed form: the chain head in words and as a QR code, for the clerk to keep with the paper. */
export function HeadMark({ head, headTime }: { head: ChainHead; headTime?: number }) {
  const { pt } = useEnv();
  if (!head.sequence) return null;
  return (
    <div class="head-mark" data-testid="print-head">
      <QrCode text={headQrText(head, headTime)} testId="print-head-qr" />
      <div>
        <div class="head-line" data-testid="print-head-line">{pt('print.head', { head: formatHead(head, headTime) })}</div>
        <div class="muted">{pt('print.head.hint')}</div>
      </div>
    </div>
  );
}
