import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypts and authenticates message text at rest (AES-256-GCM) and derives keyed content MACs. */
export interface DataCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
  /** A keyed MAC of `text`: equal texts give equal MACs, nothing about the text can be read from it. */
  mac(text: string): string;
}

/** Builds a cipher from a 32-byte key. */
export function createDataCipher(key: Buffer): DataCipher {
  if (key.length !== 32) throw new Error('WARD_DATA_KEY must be 32 bytes (base64 or 64 hex characters)');
  const macKey = createHmac('sha256', key).update('ward-content-mac').digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      if (sealed[0] !== VERSION) throw new Error('unknown ciphertext version');
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
    mac(text) {
      return createHmac('sha256', macKey).update(text, 'utf8').digest('base64url').slice(0, 32);
    },
  };
}

/** Parses WARD_DATA_KEY given as base64 or hex. */
export function parseDataKey(value: string): Buffer {
  const trimmed = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32)
    throw new Error('WARD_DATA_KEY must decode to 32 bytes (base64 or 64 hex characters)');
  return key;
}

/** Loads the key file in `dataDir`, creating a random one with mode 0600 on first run. */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, 'ward.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return parseDataKey(readFileSync(file, 'utf8'));
}
