import { config } from 'zod';

// The window's CSP forbids eval (script-src 'self'); zod would otherwise probe `new Function` and trip it.
config({ jitless: true });
