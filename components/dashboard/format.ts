import { toIsoDate } from '@/utils/deadlines/local-date';

/** A moment as the clerk reads it: yyyy-mm-dd HH:mm, local time. */
export function formatTime(ms: number): string {
  const date = new Date(ms);
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `${toIsoDate(date)} ${hh}:${mm}`;
}

/** http(s) only: see utils/documents/web-url.ts. */
export { isWebUrl } from '@/utils/documents/web-url';
