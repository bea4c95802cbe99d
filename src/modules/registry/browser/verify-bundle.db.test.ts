import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/app.js';
import { approvedApplication, certificationWorld, createScheme } from '../../certification/certification-test-data.js';
import { didWebDocumentUrl } from '../../credentials/did-web.js';
import { issuerFor } from '../../credentials/issuer.js';
import { BrowserBuffer } from './shims/buffer.js';
import { ECDH } from './shims/crypto.js';
import { gunzipSync } from './shims/zlib.js';
import type * as VerifyLocalModule from './verify-local.js';

type VerifyLocal = typeof VerifyLocalModule;

const CONFIG = path.join(import.meta.dirname, 'vite.config.ts');
let outDir: string;
let ctx: TestContext;
let bundle: VerifyLocal;
let files: Record<'json' | 'jwt' | 'pdf', Uint8Array>;

/** Routes the bundle's fetches to the app under test, as a browser on the deployment's own origin would. */
const appFetch: typeof globalThis.fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const res = await ctx.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
  return new Response(res.statusCode === 304 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } });
};

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-verify-bundle-'));
  await build({ configFile: CONFIG, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const chunk = fs.readdirSync(outDir).find((name) => name.startsWith('verify-local-'));
  if (!chunk) throw new Error(`no verify-local chunk in ${fs.readdirSync(outDir).join(', ')}`);
  // The bundle is built for browsers, which name their global scope `self` and have DOMMatrix (its
  // PDF.js cannot fetch Node's stand-in from a temporary folder, so the test provides it).
  (globalThis as { self?: unknown }).self ??= globalThis;
  (globalThis as { DOMMatrix?: unknown }).DOMMatrix ??= (await import('@napi-rs/canvas')).DOMMatrix;
  bundle = (await import(pathToFileURL(path.join(outDir, chunk)).href)) as VerifyLocal;

  ctx = await createTestApp();
  const world = await certificationWorld(ctx, { country: 'KZ', defaultLocale: 'kk', timeZone: 'Asia/Almaty' });
  const scheme = await createScheme(world);
  const { id } = await approvedApplication(ctx, world, scheme.levels[1]!.id, { fullName: 'Әлімжанова Гүлнұр', nameLatin: 'Alimzhanova Gulnur', experienceYears: 9 });
  const certificate = (await world.staff.request({ method: 'POST', url: `/api/v1/applications/${id}/certificate`, payload: {} })).json<{ number: string; verificationCode: string }>();
  const download = async (name: string) =>
    new Uint8Array((await ctx.app.inject({ method: 'GET', url: `/verify/${certificate.number}/${name}?code=${certificate.verificationCode}` })).rawPayload);
  files = { json: await download('credential.json'), jwt: await download('credential.jwt'), pdf: await download('certificate.pdf') };
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('the browser bundle of the verifier', () => {
  it('builds: a small entry, the verifier loaded on demand, and no Node module or run-time code compilation left in it', () => {
    const names = fs.readdirSync(outDir);
    expect(names).toContain('verify.js');
    expect(fs.statSync(path.join(outDir, 'verify.js')).size).toBeLessThan(20_000);
    for (const name of names) {
      const code = fs.readFileSync(path.join(outDir, name), 'utf8');
      expect(code, name).not.toMatch(/from\s*["']node:|import\(\s*["']node:|require\(\s*["'](node:)?(fs|zlib|crypto|path)["']\)|__vite-browser-external/);
    }
    expect(fs.readFileSync(path.join(outDir, 'verify.js'), 'utf8')).toContain('verify-local-');
  });

  it('verifies the JSON, the JWT and the PDF with the DID document and status lists fetched from the deployment', async () => {
    const origin = didWebDocumentUrl(issuerFor(ctx).did)!.origin;
    const sources = bundle.sameOriginSources(origin, appFetch);
    for (const [kind, bytes] of Object.entries(files)) {
      const result = await bundle.verifyLocally(bytes, sources);
      expect(result.result.checks.filter((check) => !check.ok), kind).toEqual([]);
      expect(result.pdf?.ok ?? true, kind).toBe(true);
      expect(result.valid, kind).toBe(true);
      expect(result.sources.every((use) => use.found !== null), kind).toBe(true);
    }
  });

  it('fails a tampered credential on its signature, and says so in the page’s language', async () => {
    const origin = didWebDocumentUrl(issuerFor(ctx).did)!.origin;
    const credential = JSON.parse(new TextDecoder().decode(files.json)) as Record<string, unknown>;
    const tampered = new TextEncoder().encode(JSON.stringify({ ...credential, validUntil: '2199-01-01T00:00:00Z' }));
    const result = await bundle.verifyLocally(tampered, bundle.sameOriginSources(origin, appFetch));
    expect(result.valid).toBe(false);
    expect(result.result.checks.find((check) => check.name === 'signature')).toMatchObject({ ok: false, code: 'bad_signature' });
    const messages = ctx.app.inject({ method: 'GET', url: '/api/v1/i18n/ru' });
    const tr = bundle.translator('ru-RU', (await messages).json<Record<string, string>>());
    const line = bundle.checkLines(tr, result).find((l) => l.name === 'signature');
    expect(line).toMatchObject({ ok: false, text: 'подпись не совпадает с содержимым: удостоверение изменено после подписания' });
  });

  it('finds no keys for a credential whose DID document lies on another origin', async () => {
    const result = await bundle.verifyLocally(files.json, bundle.sameOriginSources('https://elsewhere.example', appFetch));
    expect(result.valid).toBe(false);
    expect(result.result.checks.find((check) => check.name === 'signature')).toMatchObject({ ok: false, code: 'unknown_key' });
  });
});

describe('the browser stand-ins for Node modules', () => {
  it('Buffer: base64url, Latin-1 and UTF-8 as Node does them', () => {
    const bytes = crypto.randomBytes(257);
    expect(BrowserBuffer.from(bytes).toString('base64url')).toBe(bytes.toString('base64url'));
    expect(Buffer.from(BrowserBuffer.from(bytes.toString('base64url'), 'base64url'))).toEqual(bytes);
    expect(BrowserBuffer.from('Ғалым Oʻzbek', 'utf8').toString()).toBe('Ғалым Oʻzbek');
    expect(BrowserBuffer.from(bytes).toString('latin1')).toBe(bytes.toString('latin1'));
    expect(Buffer.from(BrowserBuffer.concat([BrowserBuffer.of(1, 2), new Uint8Array([3])]))).toEqual(Buffer.from([1, 2, 3]));
  });

  it('P-256: decompresses public keys exactly as Node’s ECDH.convertKey', () => {
    for (let i = 0; i < 8; i++) {
      const ecdh = crypto.createECDH('prime256v1');
      ecdh.generateKeys();
      const compressed = ecdh.getPublicKey(undefined, 'compressed');
      expect(Buffer.from(ECDH.convertKey(compressed, 'prime256v1', undefined, undefined, 'uncompressed'))).toEqual(ecdh.getPublicKey());
    }
  });

  it('zlib: refuses output over the limit', async () => {
    const { gzipSync } = await import('node:zlib');
    const packed = gzipSync(Buffer.alloc(10_000));
    expect(gunzipSync(packed, { maxOutputLength: 10_000 })).toHaveLength(10_000);
    expect(() => gunzipSync(packed, { maxOutputLength: 9_999 })).toThrow(RangeError);
  });
});
