import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CredentialSources, FetchedDocument } from './credential-sources.js';

/** `--cache`, else $XDG_CACHE_HOME/usta, else ~/.cache/usta. */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  const base = env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
  return path.join(base, 'usta');
}

interface CacheRecord {
  kind: FetchedDocument['kind'];
  key: string;
  url: string;
  fetchedAt: string;
  document: unknown;
}

function fileFor(dir: string, kind: FetchedDocument['kind'], key: string): string {
  const name = crypto.createHash('sha256').update(key).digest('hex').slice(0, 32);
  return path.join(dir, 'v1', kind, `${name}.json`);
}

async function read(dir: string, kind: FetchedDocument['kind'], key: string): Promise<FetchedDocument | null> {
  try {
    const record = JSON.parse(await fs.readFile(fileFor(dir, kind, key), 'utf8')) as CacheRecord;
    if (record.kind !== kind || record.key !== key) return null;
    return { kind, key, url: record.url, document: record.document, fetchedAt: new Date(record.fetchedAt), fromCache: true };
  } catch {
    return null;
  }
}

async function write(dir: string, fetched: FetchedDocument): Promise<void> {
  const file = fileFor(dir, fetched.kind, fetched.key);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const record: CacheRecord = { kind: fetched.kind, key: fetched.key, url: fetched.url, fetchedAt: fetched.fetchedAt.toISOString(), document: fetched.document };
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(record)}\n`);
  await fs.rename(temp, file);
}

/** Online: fetches through `inner` and keeps a copy of everything fetched, for later offline runs. */
export function cachingSources(inner: CredentialSources, dir: string): CredentialSources {
  const keep = async (fetched: FetchedDocument | null) => {
    if (fetched) await write(dir, fetched);
    return fetched;
  };
  return {
    didDocument: async (did, url) => keep(await inner.didDocument(did, url)),
    statusList: async (url) => keep(await inner.statusList(url)),
  };
}

/** Offline: answers only from the cache, and says when each document was fetched. */
export function offlineSources(dir: string): CredentialSources {
  return {
    didDocument: (did) => read(dir, 'did', did),
    statusList: (url) => read(dir, 'status', url.href),
  };
}

/** Fetches every cached document again; returns how many were refreshed and which could not be. */
export async function refreshCache(dir: string, inner: CredentialSources): Promise<{ refreshed: number; failed: string[] }> {
  let refreshed = 0;
  const failed: string[] = [];
  for (const kind of ['did', 'status'] as const) {
    let names: string[];
    try {
      names = await fs.readdir(path.join(dir, 'v1', kind));
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      let record: CacheRecord;
      try {
        record = JSON.parse(await fs.readFile(path.join(dir, 'v1', kind, name), 'utf8')) as CacheRecord;
      } catch {
        continue;
      }
      const url = new URL(record.url);
      const fetched = kind === 'did' ? await inner.didDocument(record.key, url) : await inner.statusList(url);
      if (fetched) {
        await write(dir, fetched);
        refreshed += 1;
      } else {
        failed.push(record.url);
      }
    }
  }
  return { refreshed, failed };
}
