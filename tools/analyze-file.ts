import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { analyzePage, type PageAnalysis } from '../utils/page-analysis/analyze-page';

/** The charset a saved page declares (`<meta charset>` or the http-equiv form), looked for in its first bytes. */
export function declaredCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : 'utf-8';
}

/**
 * Decodes a saved page as a browser shown it: a byte-order mark first; then bytes that are valid UTF-8 are UTF-8
 * (a JSP that sends UTF-8 may keep Word's `charset=gb2312` meta); else the declared charset (GBK and GB2312
 * pages are read as GB18030, their superset).
 */
export function decodePage(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: the page's own charset
  }
  const charset = declaredCharset(bytes);
  const label = /^(gbk|gb2312|gb_2312-80|x-gbk|gb18030)$/.test(charset) ? 'gb18030' : charset;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function analyzeHtml(html: string, url: string): PageAnalysis {
  const dom = new JSDOM(html, { url });
  try {
    return analyzePage(dom.window.document, url);
  } finally {
    dom.window.close();
  }
}

export function analyzeHtmlFile(path: string, url = 'http://localhost/'): PageAnalysis {
  return analyzeHtml(decodePage(readFileSync(path)), url);
}
