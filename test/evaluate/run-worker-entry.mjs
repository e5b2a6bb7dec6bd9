// Worker threads do not inherit the tsx loader the evaluation runs under: register it in this
// thread, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./run-worker.ts');
