import { toIsoDate } from '@/utils/deadlines/local-date';

/** A moment as the clerk reads it: yyyy-mm-dd HH:mm, local time. */
export function formatTime(ms: number): string {
  const date = new Date(ms);
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `${toIsoDate(date)} ${hh}:${mm}`;
}

/** Only web pages get a link: a `javascript:` or `data:` source URL stays text. */
export function isWebUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
