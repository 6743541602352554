// A bare Express handler that serves one list page from memory: the page's rows are parsed once at start and
// stringified for each request, with nothing else (no auth, no query, no logging). The floor booklab's list is read against.
// Run as `node --import tsx bench/mock-server/bare-express-server.ts PAGE.json PORT`.
import { readFileSync } from 'node:fs';
import express from 'express';

const [pageFile, port] = process.argv.slice(2);
const page: unknown = JSON.parse(readFileSync(pageFile!, 'utf8'));
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.get('/page', (_req, res) => {
  res.json(page);
});
app.listen(Number(port), '127.0.0.1');
