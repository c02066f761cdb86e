import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodePage } from '../../tools/analyze-file';

const run = promisify(execFile);
const BIN = resolve('bin/doctrail-analyze.js');
const GBK_PAGE = resolve('tests/fixtures/pages/b-12-asp-shouwen-gbk.html');

describe('doctrail-analyze, the CLI for people who add portals', () => {
  it('decodes a GBK page by its meta charset and prints the analysis as JSON', async () => {
    expect(declaredCharset(readFileSync(GBK_PAGE))).toBe('gbk');
    const { stdout } = await run('node', [BIN, GBK_PAGE, '--url', 'http://10.1.1.1/oa/sw.asp?id=89']);
    const analysis = JSON.parse(stdout);
    expect(analysis).toMatchObject({
      kind: 'detail',
      fields: { docNumber: '鲁自然资字〔2026〕6号', issuer: '山东省自然资源厅' },
      confidence: expect.any(Number),
      evidence: { fields: { docNumber: { strategy: 'label-cell' } } },
    });
  }, 90_000);

  it('trusts a BOM, then valid UTF-8 bytes, before the meta charset', () => {
    const html = '<meta http-equiv=Content-Type content="text/html; charset=gb2312"><td>来文单位</td>';
    const utf8 = new TextEncoder().encode(html);
    expect(decodePage(utf8)).toBe(html);
    expect(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(html);
    // GBK bytes are not valid UTF-8: the meta decides
    const gbk = readFileSync(GBK_PAGE);
    expect(decodePage(gbk)).toContain('山东省自然资源厅');
    // a UTF-8 page saved with Word's gb2312 meta (field case f14)
    expect(decodePage(readFileSync(resolve('tests/fixtures/pages/case-f14-utf8-bytes-gb2312-meta.html')))).toContain('陕财办社');
  });

  it('prints the rows of a list page', async () => {
    const { stdout } = await run('node', [BIN, resolve('tests/fixtures/pages/c-01.html')]);
    const analysis = JSON.parse(stdout);
    expect(analysis.kind).toBe('list');
    expect(analysis.rows.length).toBe(analysis.rowCount);
    expect(analysis.rows[0].title).toEqual(expect.any(String));
  }, 90_000);

  it('names 密级 in the standard English keys, and in 0.1\'s swapped keys when asked', async () => {
    const page = resolve('sample-portal/pages/doc-secret.html'); // 机密★10年
    const standard = JSON.parse((await run('node', [BIN, page, '--url', 'http://127.0.0.1/doc-secret.html'])).stdout);
    expect(standard.fields.classification).toBe('secret');
    const legacy = JSON.parse((await run('node', [BIN, page, '--url', 'http://127.0.0.1/doc-secret.html', '--classification-keys', 'legacy'])).stdout);
    expect(legacy.fields.classification).toBe('confidential');
    await expect(run('node', [BIN, page, '--classification-keys', 'gb'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('standard or legacy') });
  }, 90_000);

  it('says what is wrong with a missing file or a bad URL', async () => {
    await expect(run('node', [BIN, 'no-such-page.html'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
    await expect(run('node', [BIN, GBK_PAGE, '--url', 'not a url'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('not a URL') });
  }, 90_000);
});
