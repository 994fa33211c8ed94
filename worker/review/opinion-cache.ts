import type { Redis } from 'ioredis';
import type { DataCipher } from '../../db/crypto.ts';
import { type Opinion, parseOpinion } from './opinion.ts';

/**
 * Reuses an opinion for the same redacted text, model and categories. The key is the runtime cipher's keyed MAC
 * and the value is encrypted, so Redis never holds readable text (the rationale is model text about the message).
 */
export class OpinionCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly cipher: DataCipher,
    private readonly ttlSeconds = 86_400,
  ) {}

  /** The cache key of a request. */
  key(model: string, categories: readonly string[], text: string): string {
    return `${this.prefix}:review-cache:${this.cipher.mac(`${model}\n${[...categories].sort().join(',')}\n${text}`)}`;
  }

  /** The cached opinion, or null (also when the entry cannot be decrypted or no longer validates). */
  async get(key: string): Promise<Opinion | null> {
    const sealed = await this.redis.get(key);
    if (!sealed) return null;
    try {
      return parseOpinion(this.cipher.decrypt(Buffer.from(sealed, 'base64')));
    } catch {
      return null;
    }
  }

  /** Stores an opinion. */
  async set(key: string, opinion: Opinion): Promise<void> {
    await this.redis.set(
      key,
      this.cipher.encrypt(JSON.stringify(opinion)).toString('base64'),
      'EX',
      this.ttlSeconds,
    );
  }
}
