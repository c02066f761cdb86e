import { browser } from 'wxt/browser';
import { canonicalJson } from '@/utils/register/hash-chain';

/**
 * What the background mirrors into `storage.local` for every surface to read at start (界面语言, 常用理由, the
 * overlay's English strings). Content scripts can write `storage.local` too (the browser gives them that area): a
 * compromised one on one portal could rewrite these for every portal — the reasons offered in every print dialog,
 * the words of every English overlay. Only the background writes them: whoever else changes one, it is put back.
 */
export function driftedMirrors(changes: Record<string, { newValue?: unknown }>, expected: Record<string, unknown>): { set: Record<string, unknown>; remove: string[] } {
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const key of Object.keys(expected)) {
    if (!(key in changes) || canonicalJson(changes[key]!.newValue) === canonicalJson(expected[key])) continue;
    if (expected[key] === undefined) remove.push(key);
    else set[key] = expected[key];
  }
  return { set, remove };
}

/** Puts a mirrored key back when its value is not what the background holds (`expected`, read afresh each time). */
export function guardMirrors(expected: () => Promise<Record<string, unknown>>): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    void expected()
      .then(async (values) => {
        const { set, remove } = driftedMirrors(changes, values);
        if (Object.keys(set).length) await browser.storage.local.set(set);
        if (remove.length) await browser.storage.local.remove(remove);
      })
      .catch(() => undefined);
  });
}
