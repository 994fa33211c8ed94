import { describe, expect, it } from 'vitest';
import { KeyedSequencer } from '../../../bots/discord/ordered.ts';

describe('KeyedSequencer', () => {
  it('runs work for one key in arrival order, even when the first is slower', async () => {
    const seq = new KeyedSequencer();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const a = seq.run('m1', async () => {
      await gate;
      log.push('create');
    });
    const b = seq.run('m1', async () => {
      log.push('edit');
    });
    const other = seq.run('m2', async () => {
      log.push('other message');
    });
    await other;
    expect(log).toEqual(['other message']);
    release();
    await Promise.all([a, b]);
    expect(log).toEqual(['other message', 'create', 'edit']);
    expect(seq.size).toBe(0);
  });

  it('does not let a failure block later work for the key', async () => {
    const seq = new KeyedSequencer();
    const failed = seq.run('m', async () => {
      throw new Error('ingest down');
    });
    await expect(failed).rejects.toThrow('ingest down');
    let ran = false;
    await seq.run('m', async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});
