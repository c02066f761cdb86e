import { z } from 'zod';

// Extension pages forbid `new Function`; zod's JIT would throw under their CSP.
z.config({ jitless: true });

export { z };
