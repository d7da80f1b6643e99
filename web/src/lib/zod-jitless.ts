import { z } from 'zod';

// zod compiles object parsers with `new Function` unless told not to; the console runs under a CSP
// without 'unsafe-eval'. Imported first by main.tsx, before any schema is built.
z.config({ jitless: true });
