import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layout is the architecture: each part of utils/ imports only from parts below it, and the UI (components/,
 * entrypoints/) sits on top. Lowest first; parts on one level may use each other.
 */
const LEVELS: readonly (readonly string[])[] = [
  ['utils', 'utils/i18n'], // shared base: zod setup, portal matches, pure placement helpers, translations
  ['utils/deadlines'],
  ['utils/documents', 'utils/statistics'], // the document's shape; pure aggregation of the register's figures (#/stats)
  ['utils/page-analysis'],
  ['utils/site-profiles'],
  ['utils/register'],
  ['utils/reminders'],
  ['utils/export'],
  ['utils/messaging'],
  ['utils/teach'],
  ['components', 'entrypoints'],
];

const ROOT = resolve('.');
const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

function partOf(file: string): string {
  const rel = relative(ROOT, file).split('/');
  if (rel[0] === 'utils') return rel.length > 2 ? `utils/${rel[1]}` : 'utils';
  return rel[0]!;
}

function levelOf(part: string): number {
  const level = LEVELS.findIndex((parts) => parts.includes(part));
  if (level < 0) throw new Error(`${part} is in no level of the architecture test: add it`);
  return level;
}

/** Every project file a source file imports (static, dynamic and type-only imports alike). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.flatMap((spec) => {
    if (spec.startsWith('@/') || spec.startsWith('~/')) return [join(ROOT, spec.slice(2))];
    if (spec.startsWith('.')) return [resolve(dirname(file), spec)];
    return [];
  });
}

const files = ['utils', 'components', 'entrypoints'].flatMap((dir) => sourceFiles(join(ROOT, dir)));

describe('architecture', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(80);
  });

  it('a part imports only from its own level or below', () => {
    const upward = files.flatMap((file) => {
      const from = partOf(file);
      return importsOf(file)
        .filter((target) => levelOf(partOf(target)) > levelOf(from))
        .map((target) => `${relative(ROOT, file)} (${from}) imports ${relative(ROOT, target)} (${partOf(target)})`);
    });
    expect(upward).toEqual([]);
  });

  it('keeps at most ten files at the top of utils/', () => {
    const top = readdirSync(join(ROOT, 'utils')).filter((name) => SOURCE.test(name));
    expect(top.length).toBeLessThanOrEqual(10);
  });

  it('catches an upward import (the check itself works)', () => {
    const from = levelOf(partOf(join(ROOT, 'utils/page-analysis/analyze-page.ts')));
    const to = levelOf(partOf(join(ROOT, 'utils/register/register-db.ts')));
    expect(to).toBeGreaterThan(from);
  });
});
