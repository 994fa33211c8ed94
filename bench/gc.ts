import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// A fresh context picks up the flag, so heap figures can be taken after a full collection.
const gcFn = runInNewContext('gc') as () => void;

/** Heap plus typed-array buffers in use after a full garbage collection, in MB (lexicon indexes live in both). */
export function settledHeapMb(): number {
  gcFn();
  gcFn();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / (1024 * 1024);
}
