import type { RequestHandler } from 'express';

/** API answers are never cached: each reads whatever snapshot is current. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
