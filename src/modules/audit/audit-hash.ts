import crypto from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  seq: number;
  at: Date;
  actor: string;
  entity: string;
  action: string;
  data: unknown;
  prevHash: string;
}

/** SHA-256 (hex) of the canonical JSON of an entry's fields, its predecessor's hash included. */
export function auditHash(entry: HashedFields): string {
  const { seq, at, actor, entity, action, data, prevHash } = entry;
  const text = canonicalJson({ seq, at: at.toISOString(), actor, entity, action, data, prevHash });
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
