import { sql } from 'drizzle-orm';
import { check, customType, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { KeyAlgorithm } from './key-pairs.js';
import type { StatusPurpose } from './status-list.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const SIGNING_KEY_STATUSES = ['current', 'retired', 'withdrawn'] as const;
export type SigningKeyStatus = (typeof SIGNING_KEY_STATUSES)[number];

/**
 * The issuer's private key, as kept in a row: sealed with the key passphrase (AES-256-GCM under a
 * scrypt-derived key), or plain when the deployment has no passphrase.
 */
export type PrivateKeyEnvelope =
  | { sealed: false; jwk: JsonWebKey }
  | { sealed: true; kdf: 'scrypt'; N: number; r: number; p: number; salt: string; cipher: 'aes-256-gcm'; iv: string; tag: string; ciphertext: string };

/**
 * Issuer keys, shared by every instance of a deployment. The public half is in clear columns, so
 * the DID document never depends on the passphrase; the private half is dropped when a key retires,
 * since a retired key only has to verify what it signed before.
 */
export const signingKeys = pgTable(
  'signing_keys',
  {
    /** The did:web verification method id, e.g. `did:web:certs.example.org#eddsa-20260301-a1b2c3`. */
    id: text('id').primaryKey(),
    controller: text('controller').notNull(),
    algorithm: text('algorithm').$type<KeyAlgorithm>().notNull(),
    status: text('status').$type<SigningKeyStatus>().notNull(),
    publicKeyMultibase: text('public_key_multibase').notNull(),
    privateKey: jsonb('private_key').$type<PrivateKeyEnvelope>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    check('signing_keys_algorithm', sql`${t.algorithm} in ('Ed25519','ES256')`),
    check('signing_keys_status', sql`${t.status} in ('current','retired','withdrawn')`),
    check('signing_keys_private_when_current', sql`(${t.status} = 'current') = (${t.privateKey} is not null)`),
    uniqueIndex('signing_keys_one_current').on(t.controller, t.algorithm).where(sql`${t.status} = 'current'`),
  ],
);

/**
 * Bitstring status lists (revocation or suspension), numbered per purpose: list n of a purpose is
 * served at /credentials/status/<purpose>/<n>. `version` grows with every bit that changes, so a
 * signed copy can be cached until it does.
 */
export const statusLists = pgTable(
  'status_lists',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    purpose: text('purpose').$type<StatusPurpose>().notNull(),
    number: integer('number').notNull(),
    length: integer('length').notNull(),
    bits: bytea('bits').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set once random probing stops finding free indices; new entries then go to the next list. */
    fullAt: timestamp('full_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('status_lists_purpose_number').on(t.purpose, t.number),
    check('status_lists_purpose', sql`${t.purpose} in ('revocation','suspension')`),
    check('status_lists_length', sql`${t.length} >= 131072 and ${t.length} % 8 = 0 and octet_length(${t.bits}) * 8 = ${t.length}`),
  ],
);

/** Indices handed out, one row each: the primary key is what keeps two credentials off one bit. */
export const statusListEntries = pgTable(
  'status_list_entries',
  {
    listId: integer('list_id')
      .notNull()
      .references(() => statusLists.id),
    index: integer('index').notNull(),
    allocatedAt: timestamp('allocated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.index] })],
);
