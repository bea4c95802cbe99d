import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { approvedApplication, certificationWorld, createScheme, signedInAgent, type CertificationWorld, type SchemeBody } from '../certification/certification-test-data.js';
import { issuerFor } from '../credentials/issuer.js';
import { ownCredentialSources } from './verify-upload.js';
import { verifyCredentialFile } from '../credentials/verify-file.js';

let ctx: TestContext;
let world: CertificationWorld;
let scheme: SchemeBody;
type Agent = Awaited<ReturnType<typeof signedInAgent>>;

beforeAll(async () => {
  ctx = await createTestApp();
  world = await certificationWorld(ctx, { country: 'LV', defaultLocale: 'lv', timeZone: 'Europe/Riga' });
  scheme = await createScheme(world);
});
afterAll(async () => ctx.close());

/** The engineer applies (which makes them a person in the register), is approved and certified. */
async function certify(engineer: Agent, fullName: string): Promise<string> {
  const { id } = await approvedApplication(ctx, world, scheme.levels[1]!.id, { fullName, nameLatin: fullName, experienceYears: 10, engineer });
  const issued = await world.staff.request({ method: 'POST', url: `/api/v1/applications/${id}/certificate`, payload: {} });
  expect(issued.statusCode, issued.body).toBe(201);
  return issued.json<{ number: string }>().number;
}

async function tokenOf(agent: Agent): Promise<string> {
  const res = await agent.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'wallet' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ token: string }>().token;
}

const getCredentials = (token: string | null, query = '') =>
  ctx.app.inject({ method: 'GET', url: `/ims/ob/v3p0/credentials${query}`, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /ims/ob/v3p0/credentials (OB 3.0 getCredentials)', () => {
  it('gives a holder their own signed credentials, paged with limit and offset, X-Total-Count and Link', async () => {
    const engineer = await signedInAgent(ctx);
    const numbers: string[] = [];
    // One application per level: the holder ends up with two certificates.
    numbers.push(await certify(engineer, 'Anna Bērziņa'));
    const first = await engineer.request({ method: 'POST', url: '/api/v1/applications', payload: { levelId: scheme.levels[0]!.id, experienceYears: 10, fullName: 'Anna Bērziņa', nameLatin: 'Anna Berzina' } });
    const { id, requirements } = first.json<{ id: string; requirements: Array<{ id: string }> }>();
    const base = `/api/v1/applications/${id}`;
    await engineer.request({ method: 'POST', url: `${base}/submit`, payload: {} });
    await world.assessor.request({ method: 'POST', url: `${base}/review`, payload: {} });
    for (const r of requirements) await world.assessor.request({ method: 'PUT', url: `${base}/checklist/${r.id}`, payload: { met: true } });
    await world.assessor.request({ method: 'POST', url: `${base}/approve`, payload: {} });
    numbers.push((await world.staff.request({ method: 'POST', url: `${base}/certificate`, payload: {} })).json<{ number: string }>().number);
    const other = await signedInAgent(ctx);
    await certify(other, 'Jānis Ozols');

    const token = await tokenOf(engineer);
    const all = await getCredentials(token);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.headers['x-total-count']).toBe('2');
    const body = all.json<{ credential: Array<{ credentialSubject: { licenseNumber: string } }>; compactJwsString: string[] }>();
    expect(body.credential.map((c) => c.credentialSubject.licenseNumber).sort()).toEqual([...numbers].sort());

    const page = await getCredentials(token, '?limit=1&offset=1');
    expect(page.headers['x-total-count']).toBe('2');
    expect(page.json<{ credential: unknown[] }>().credential).toHaveLength(1);
    expect(page.headers.link).toContain('rel="prev"');
    expect(page.headers.link).not.toContain('rel="next"');
    expect((await getCredentials(token, '?limit=1')).headers.link).toContain(`<${ctx.config.publicUrl}/ims/ob/v3p0/credentials?limit=1&offset=1>; rel="next"`);
    const [a, b] = [(await getCredentials(token, '?limit=1&offset=0')).json(), page.json()] as Array<{ credential: Array<{ id: string }> }>;
    expect(a!.credential[0]!.id).not.toBe(b!.credential[0]!.id);

    // What the wallet receives verifies as issued.
    const sources = ownCredentialSources(issuerFor(ctx));
    for (const credential of body.credential) {
      const result = await verifyCredentialFile(new TextEncoder().encode(JSON.stringify(credential)), { sources });
      expect(result.valid).toBe(true);
    }
    expect((await getCredentials(token, `?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).json()).toEqual({ credential: [], compactJwsString: [] });
  });

  it('answers the specification’s error shape without a valid token, and gives an account with no certificates none', async () => {
    for (const res of [await getCredentials(null), await getCredentials('usta_not-a-token')]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ imsx_codeMajor: 'failure', imsx_severity: 'error' });
    }
    expect((await getCredentials(await tokenOf(await signedInAgent(ctx)), '?limit=0')).statusCode).toBe(400);
    const empty = await getCredentials(await tokenOf(await signedInAgent(ctx)));
    expect(empty.statusCode).toBe(200);
    expect(empty.headers['x-total-count']).toBe('0');
    expect(empty.json()).toEqual({ credential: [], compactJwsString: [] });
  });
});
