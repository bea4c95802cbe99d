import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverForFile } from './file-server.js';
import { ADMIN, createToken, signIn, startUsta, PROCESS_TIMEOUT } from './server.js';

const { live, target, stopped } = serverForFile();

describe('usta serve', { timeout: PROCESS_TIMEOUT }, () => {
  it('answers /healthz, and /readyz once the database answers', async () => {
    const health = await fetch(`${live().url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${live().url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', backend: 'pglite' });
  });

  it('writes JSON log lines that hold no password, cookie, token, e-mail or search term', async () => {
    const { url } = live();
    const session = await signIn(url);
    const { token } = await createToken(url, session, 'log check');
    const me = await fetch(`${url}/api/v1/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const refused = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password: 'Wrong-password-typed-123' }),
    });
    expect(refused.status).toBe(401);
    await fetch(`${url}/api/v1/people?q=Dilnoza`);
    const search = await live().waitForLog((line) => (line.req as { url?: string } | undefined)?.url?.startsWith('/api/v1/people') ?? false);
    await live().waitForLog((line) => line.msg === 'request completed' && line.reqId === search.reqId);

    // A request is logged once, when it completes; a write also when it arrives.
    const completed = live().logs().filter((line) => line.msg === 'request completed');
    expect(completed.map((line) => line.req)).toContainEqual({ method: 'POST', url: '/api/v1/session' });
    expect(completed.map((line) => line.req)).toContainEqual({ method: 'GET', url: '/api/v1/people?q=…' });
    expect(completed.find((line) => line.reqId === search.reqId)).toMatchObject({ res: { statusCode: 401 } });
    const arrived = live().logs().filter((line) => line.msg === 'incoming request');
    expect(arrived.map((line) => line.req)).toContainEqual({ method: 'POST', url: '/api/v1/session' });
    expect(arrived.map((line) => line.req)).not.toContainEqual({ method: 'GET', url: '/api/v1/people?q=…' });

    const output = live().output();
    const cookieSecrets = session.cookieValues.filter((value) => value.length >= 16);
    expect(cookieSecrets.length).toBeGreaterThanOrEqual(1);
    for (const secret of [ADMIN.password, 'Wrong-password-typed-123', token, ...cookieSecrets, session.csrfToken]) {
      expect(output).not.toContain(secret);
    }
    // The start-up banner names the administrator for the operator; the log lines name nobody.
    const jsonLines = output.split('\n').filter((line) => line.startsWith('{'));
    expect(jsonLines.length).toBeGreaterThan(10);
    for (const line of jsonLines) {
      expect(() => JSON.parse(line) as unknown).not.toThrow();
      expect(line).not.toContain(ADMIN.email);
      expect(line).not.toContain('Dilnoza');
    }
  });

  it('on SIGTERM finishes the request in flight, closes the database, frees the folder and exits 0', async () => {
    const running = live();
    const body = JSON.stringify({ email: ADMIN.email, password: ADMIN.password });
    const request = http.request(`${running.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('error', reject);
      request.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
    });
    // Headers and half of the body: the server has the request, and waits for the rest.
    request.write(body.slice(0, 10));
    const seen = running.logs().length;
    await running.waitForLog((line) => line.msg === 'incoming request' && running.logs().indexOf(line) >= seen);

    running.child.kill('SIGTERM');
    await running.waitForLog((line) => line.msg.startsWith('shutting down'));
    request.end(body.slice(10));

    const answer = await response;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ user: { email: ADMIN.email } });
    expect(await running.exited).toEqual({ code: 0, signal: null });
    stopped();
    expect(fs.existsSync(path.join(target().dataDir, 'usta.lock'))).toBe(false);

    const next = await startUsta(target().env);
    try {
      expect((await fetch(`${next.url}/readyz`)).status).toBe(200);
      await signIn(next.url);
    } finally {
      expect(await next.stop()).toEqual({ code: 0, signal: null });
    }
  });
});
