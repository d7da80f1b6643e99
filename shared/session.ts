import { z } from 'zod';

/** GET /api/session: who is signed in, and whether the IAP gate is on. */
export const sessionSchema = z.object({
  /** `iap`: identity verified; `disabled`: gate turned off on purpose; `local`: laptop demo. */
  mode: z.enum(['iap', 'disabled', 'local']),
  /** Email from the verified IAP assertion; null when the gate is off. */
  email: z.string().nullable(),
  authDisabled: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;
