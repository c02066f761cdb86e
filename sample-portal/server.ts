import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGES_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), 'pages');

const TYPES: Record<string, string> = {
  // No charset: each page declares its own in a <meta>, as GBK portals do.
  '.html': 'text/html',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.ofd': 'application/octet-stream',
};

export interface Portal {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves the sample OA portal's pages on 127.0.0.1 at a free port (or the one given). */
export async function startPortal(port = 0, root = PAGES_DIR): Promise<Portal> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      // Attachments download, as an OA's 附件 links do, instead of opening in the browser.
      if (path.startsWith('/attachments/')) headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(path.split('/').pop()!)}`;
      res.writeHead(200, headers);
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 页面不存在');
    }
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('portal server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const portal = await startPortal(Number(process.env.PORT ?? 0));
  console.log(`Sample portal: ${portal.url}`);
}
