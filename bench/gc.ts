import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// A fresh context picks up the flag, so heap figures can be taken after a full collection.
const gcFn = runInNewContext('gc') as () => void;

/** Heap in use after a full garbage collection, in MB. */
export function settledHeapMb(): number {
  gcFn();
  gcFn();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}
