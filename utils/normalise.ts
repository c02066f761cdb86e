import type { Classification, Urgency } from './document-schema';

/** Label text as a clerk would read it: no spaces (ASCII, full-width, nbsp), no `*` marker, no trailing colon. */
export function normaliseLabel(text: string): string {
  return text.replace(/[\s\u00a0\u3000*＊]/g, '').replace(/[:：]+$/, '');
}

export function normaliseText(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const OPEN = /[\[(（【﹝〔]/;
const CLOSE = /[\])）】﹞〕]/;

/** 文号 with its year in 〔〕, whatever brackets the page used: `市应急发[2026]7号` → `市应急发〔2026〕7号`. */
export function normaliseDocNumber(text: string): string {
  const compact = text.replace(/[\s\u00a0\u3000]/g, '');
  const match = new RegExp(`^(.*?)${OPEN.source}(\\d{4})${CLOSE.source}(.*)$`).exec(compact);
  return match ? `${match[1]}〔${match[2]}〕${match[3]}` : compact;
}

const CLASSIFICATIONS: [RegExp, Classification][] = [
  [/绝密/, 'top-secret'],
  [/机密/, 'confidential'],
  [/秘密/, 'secret'],
  [/内部/, 'internal'],
  [/非密|公开|无/, 'none'],
];

export function normaliseClassification(text: string): Classification | undefined {
  return CLASSIFICATIONS.find(([pattern]) => pattern.test(text))?.[1];
}

const URGENCIES: [RegExp, Urgency][] = [
  [/特提/, 'flash'],
  [/特急/, 'very-urgent'],
  [/加急|急件|紧急/, 'urgent'],
  [/平急|普通|平件|一般/, 'normal'],
];

export function normaliseUrgency(text: string): Urgency | undefined {
  return URGENCIES.find(([pattern]) => pattern.test(text))?.[1];
}

/** `2026-3-2 09:15`, `2026.3.2`, `2026/03/02`, `2026年3月2日` → `2026-03-02`; anything else → undefined. */
export function normaliseDate(text: string): string | undefined {
  const match = /(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})/.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${match[1]}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
