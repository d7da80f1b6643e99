// A child process for serve-app.test.ts: the real serveApp around an app with a slow route.
import express from 'express';
import { log } from '../../cli/log.ts';
import { serveApp } from '../serve-app.ts';

const app = express();
app.get('/slow', async (req, res) => {
  await new Promise((resolve) => setTimeout(resolve, Number(req.query.ms ?? 1000)));
  res.json({ done: true });
});
app.get('/fast', (_req, res) => {
  res.json({ done: true });
});
const server = await serveApp(app, {
  port: 0,
  host: '127.0.0.1',
  log,
  shutdownTimeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 9000),
  onClose: async () => log({ severity: 'INFO', message: 'onClose ran' }),
});
const address = server.address();
log({ severity: 'INFO', message: 'listening', port: typeof address === 'object' ? address?.port : null });
