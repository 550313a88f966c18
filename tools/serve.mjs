// A small static file server for dist/, bound to loopback only. Used by `./x serve` and by
// the end-to-end tests (which can add response headers per path, e.g. a CSP).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves files under `root` on 127.0.0.1. `extraHeaders(path)` may return headers to add;
 * `mounts` maps a path prefix such as '/hosts/' to another folder; `compress` sends brotli to
 * browsers that accept it, as a production server would (the benchmark). Every request is
 * recorded in `requests`. Resolves to { url, requests, close() }.
 */
export async function startServer(root, port = 0, { extraHeaders = () => ({}), mounts = {}, compress = false } = {}) {
  const requests = [];
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      requests.push(path);
      const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
      const base = resolve(prefix ? mounts[prefix] : root);
      let file = normalize(join(base, prefix ? path.slice(prefix.length) : path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ...extraHeaders(path),
      };
      if (compress && /\bbr\b/.test(req.headers['accept-encoding'] ?? '') && extname(file) !== '.png') {
        if (!compressed.has(file)) {
          compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        }
        body = compressed.get(file);
        headers['Content-Encoding'] = 'br';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer(root, Number(port));
  console.log(`Serving ${root} at ${url}/`);
}
