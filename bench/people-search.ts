// p95 latency of people search (GET /api/v1/people?q=…) over 100,000 generated people in one
// association, asked by a member of its staff with a bearer token, on each back-end: the embedded
// database, and a throw-away PostgreSQL cluster. Goals: p95 ≤ 60 ms (PGlite), ≤ 25 ms (PostgreSQL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { createApiToken } from '../src/modules/accounts/create-api-token.js';
import { createUser } from '../src/modules/accounts/create-user.js';
import { addMembership } from '../src/modules/accounts/repository.js';
import { insertAssociation } from '../src/modules/associations/repository.js';
import { searchKeyOf } from '../src/modules/people/name-skeleton.js';
import { insertPeople, type PersonValues } from '../src/modules/people/repository.js';
import { SECTORS } from '../src/modules/people/tables.js';
import { startUsta } from '../test/process/server.js';
import { startCluster } from '../scripts/pg-cluster.mjs';

const PEOPLE = 100_000;
const BATCH = 1_000;
const WARM_UP = 50;
const SAMPLES = 400;
const GOALS = { pglite: 60, postgres: 25 } as const;
/** Every this many people, one person's names become searches. */
const QUERY_EVERY = 5_000;

/** Deterministic, so every run searches the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Name = [cyrillic: string | null, latin: string];
const FIRST: Name[] = [
  ['Дилноза', 'Dilnoza'], ['Шахзод', 'Shahzod'], ['Гульнора', 'Gulnora'], ['Отабек', 'Otabek'], ['Нилуфар', 'Nilufar'],
  ['Жасур', 'Jasur'], ['Мадина', 'Madina'], ['Бахтиёр', 'Bakhtiyor'], ['Айгерим', 'Aigerim'], ['Ержан', 'Yerzhan'],
  ['Асель', 'Assel'], ['Нурлан', 'Nurlan'], ['Жанар', 'Zhanar'], ['Данияр', 'Daniyar'], ['Ольга', 'Olga'],
  ['Сергей', 'Sergey'], ['Наталья', 'Natalya'], ['Алексей', 'Aleksey'], [null, 'Anna'], [null, 'Jānis'],
  [null, 'Līga'], [null, 'Andris'], [null, 'Ilze'], [null, 'Mārtiņš'], ['Фарход', 'Farkhod'], ['Зарина', 'Zarina'],
  ['Камола', 'Kamola'], ['Улугбек', 'Ulugbek'], ['Сабина', 'Sabina'], ['Тимур', 'Timur'], ['Лола', 'Lola'],
  ['Руслан', 'Ruslan'], ['Динара', 'Dinara'], ['Арман', 'Arman'], ['Гаухар', 'Gaukhar'], ['Азамат', 'Azamat'],
];
/** Syllables with their Cyrillic spelling; surnames are built from them, so there are thousands. */
const SYLLABLES: Name[] = [
  ['ка', 'ka'], ['ри', 'ri'], ['мо', 'mo'], ['та', 'ta'], ['ши', 'shi'], ['на', 'na'], ['зу', 'zu'], ['ра', 'ra'],
  ['бе', 'be'], ['ко', 'ko'], ['ла', 'la'], ['ду', 'du'], ['са', 'sa'], ['ни', 'ni'], ['ю', 'yu'], ['га', 'ga'],
  ['ту', 'tu'], ['ме', 'me'], ['жа', 'zha'], ['хо', 'kho'], ['ир', 'ir'], ['ах', 'akh'], ['ис', 'is'], ['ум', 'um'],
];
const SUFFIXES: Array<[male: Name, female: Name]> = [
  [['ов', 'ov'], ['ова', 'ova']],
  [['ев', 'ev'], ['ева', 'eva']],
  [['беков', 'bekov'], ['бекова', 'bekova']],
  [['баев', 'baev'], ['баева', 'baeva']],
  [['ин', 'in'], ['ина', 'ina']],
];
const LATVIAN: string[] = ['Bērziņš', 'Kalniņa', 'Ozols', 'Liepiņa', 'Krūmiņš', 'Zariņa', 'Vītols', 'Jansone', 'Eglītis', 'Pētersone'];
const CITIES = ['Tashkent', 'Samarkand', 'Almaty', 'Astana', 'Riga', 'Bukhara', 'Shymkent', 'Daugavpils'];

interface Generated extends PersonValues {
  /** What a user might type to find this person. */
  lookups: string[];
}

function generatedPerson(next: () => number, index: number): Generated {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const [firstCyr, firstLat] = pick(FIRST);
  const female = next() < 0.5;
  let lastCyr: string | null = null;
  let lastLat: string;
  if (firstCyr === null) {
    lastLat = pick(LATVIAN);
  } else {
    const parts = Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES));
    const suffix = pick(SUFFIXES)[female ? 1 : 0];
    const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    lastCyr = cap(parts.map((p) => p[0]).join('') + suffix[0]);
    lastLat = cap(parts.map((p) => p[1]).join('') + suffix[1]);
  }
  const cyrillic = firstCyr !== null && lastCyr !== null && next() < 0.6;
  const fullName = cyrillic ? `${firstCyr} ${lastCyr}` : `${firstLat} ${lastLat}`;
  const nameLatin = cyrillic ? `${firstLat} ${lastLat}` : null;
  return {
    fullName,
    nameLatin,
    gender: female ? 'female' : 'male',
    birthDate: null,
    country: pick(['UZ', 'KZ', 'LV']),
    city: pick(CITIES),
    sector: pick(SECTORS),
    employerId: null,
    position: 'Engineer',
    email: next() < 0.5 ? `person${index}@example.org` : null,
    phone: null,
    registryConsentAt: null,
    emailConsentAt: null,
    searchKey: searchKeyOf(fullName, nameLatin),
    lookups: [lastLat, `${firstLat} ${lastLat}`, lastCyr ?? lastLat, lastLat.slice(0, 4), firstCyr ?? firstLat],
  };
}

/**
 * Fills an empty database: one association, its people, and a staff member's API token. Returns
 * the token and the searches to run: names (whole, either script, first four letters) of people
 * spread through the data, and one name nobody has.
 */
async function fill(databaseUrl: string | null, dataDir: string): Promise<{ token: string; queries: string[] }> {
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    await database.migrate();
    const { db } = database;
    const association = await insertAssociation(db, {
      slug: 'bench', name: 'Bench Association', shortName: 'BA', country: 'UZ', defaultLocale: 'en', timeZone: 'Asia/Tashkent',
    });
    const staff = await createUser(db, { email: 'staff@bench.example', displayName: 'Staff', password: 'bench-password-1' });
    await addMembership(db, staff.id, association.id, 'staff');
    const next = random(20_240_601);
    const queries: string[] = [];
    for (let start = 0; start < PEOPLE; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, PEOPLE - start) }, (_, i) => {
        const { lookups, ...values } = generatedPerson(next, start + i);
        if ((start + i) % QUERY_EVERY === 0) queries.push(...lookups);
        return { associationId: association.id, ...values };
      });
      await insertPeople(db, rows);
    }
    queries.push('nobody-by-this-name');
    return { token: (await createApiToken(db, { userId: staff.id, name: 'bench' })).token, queries };
  } finally {
    await database.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  meanMatches: number;
}

/** Runs the searches one after another against a server; client-side time, response read whole. */
async function searchTimes(env: Record<string, string>, token: string, queries: string[]): Promise<Figures> {
  const server = await startUsta(env);
  try {
    const headers = { authorization: `Bearer ${token}` };
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const q = queries[i % queries.length]!;
      const started = performance.now();
      const res = await fetch(`${server.url}/api/v1/people?q=${encodeURIComponent(q)}`, { headers });
      const body = (await res.json()) as { total: number };
      const elapsed = performance.now() - started;
      if (res.status !== 200) throw new Error(`search answered ${res.status}: ${JSON.stringify(body)}`);
      if (i >= WARM_UP) {
        times.push(elapsed);
        found += body.total;
      }
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), meanMatches: found / SAMPLES };
  } finally {
    await server.stop();
  }
}

async function analyze(databaseUrl: string, dataDir: string): Promise<void> {
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    await database.db.execute(sql`analyze`);
  } finally {
    await database.close();
  }
}

function report(label: string, figures: Figures, goal: number): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return (
    `  ${label}: p50 ${ms(figures.p50)}, p95 ${ms(figures.p95)}, p99 ${ms(figures.p99)}` +
    ` (mean ${Math.round(figures.meanMatches)} matches); p95/goal ${(figures.p95 / goal).toFixed(2)}` +
    ` (goal ${goal} ms: ${figures.p95 <= goal ? 'met' : 'not met'})`
  );
}

/**
 * Planner statistics as a deployment would have them: PostgreSQL's autovacuum gathers them soon
 * after a bulk load (done here at once with ANALYZE); on the embedded database `usta serve`
 * refreshes them at start.
 */
async function measure(backend: keyof typeof GOALS, databaseUrl: string | null): Promise<string[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `usta-bench-search-${backend}-`));
  const env = { USTA_DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  try {
    const filling = performance.now();
    const { token, queries } = await fill(databaseUrl, dataDir);
    const lines = [`  ${backend}: ${PEOPLE.toLocaleString('en')} people written in ${((performance.now() - filling) / 1000).toFixed(0)} s`];
    if (databaseUrl) await analyze(databaseUrl, dataDir);
    lines.push(report(backend, await searchTimes(env, token, queries), GOALS[backend]));
    return lines;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const lines = [`people-search: GET /api/v1/people?q=…, ${SAMPLES} searches one at a time after ${WARM_UP} to warm up`];
lines.push(...(await measure('pglite', null)));
const cluster = await startCluster({ log: () => undefined });
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('create database usta_bench');
  await admin.end();
  lines.push(...(await measure('postgres', cluster.url.replace(/\/postgres$/, '/usta_bench'))));
} finally {
  cluster.stop();
}
process.stdout.write(`${lines.join('\n')}\n`);
