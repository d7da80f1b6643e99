import type { RequestHandler } from 'express';
import { IAP_ASSERTION_HEADER, type IapIdentity, type IapVerifier } from '../security/iap-verifier.ts';

/**
 * Who may use the console. `iap`: every request but /healthz must carry a valid IAP assertion.
 * `disabled`: the gate was turned off explicitly (RUNMAP_AUTH=disabled). `local`: the laptop demo.
 */
export type AuthGate =
  | { mode: 'iap'; verifier: Pick<IapVerifier, 'verify'> }
  | { mode: 'disabled' }
  | { mode: 'local' };

/** The verified identity of the request, set by iapGate (null when the gate is off). */
export function requestIdentity(locals: Record<string, unknown>): IapIdentity | null {
  return (locals.identity as IapIdentity | undefined) ?? null;
}

/**
 * Verifies `x-goog-iap-jwt-assertion` and nothing else: the unsigned x-goog-authenticated-user-*
 * headers and Authorization are never read, since anyone who reaches the service can forge them.
 */
export function iapGate(gate: AuthGate): RequestHandler {
  if (gate.mode !== 'iap') {
    return (_req, res, next) => {
      res.locals.identity = null;
      next();
    };
  }
  return async (req, res, next) => {
    try {
      res.locals.identity = await gate.verifier.verify(req.get(IAP_ASSERTION_HEADER));
      next();
    } catch (error) {
      next(error);
    }
  };
}
