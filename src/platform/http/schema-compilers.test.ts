import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sharedSerializers } from './schema-compilers.js';

const Problem = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }) });
const Person = Type.Object({ id: Type.String(), name: Type.String() });

function route(schema: unknown, url = '/x', httpStatus = '200') {
  return { schema, url, method: 'GET', httpStatus };
}

describe('shared response serializers', () => {
  it('compile equal schemas once, whichever route or status they belong to', () => {
    const compile = sharedSerializers()({}, {});
    const first = compile(route(Problem, '/a', '404'));
    expect(compile(route(structuredClone(Problem), '/b', '409'))).toBe(first);
    expect(compile(route(Person))).not.toBe(first);
  });

  it('serialize as Fastify does: declared fields only', () => {
    const serialize = sharedSerializers()({}, {})(route(Person));
    expect(JSON.parse(serialize({ id: 'p1', name: 'Шоҳруҳ Мирзаев', passwordHash: 'secret' }))).toEqual({ id: 'p1', name: 'Шоҳруҳ Мирзаев' });
  });

  it('serve the replies of an app that uses them, and a broken schema still stops it at start', async () => {
    const app = Fastify({ schemaController: { compilersFactory: { buildSerializer: sharedSerializers() } } });
    for (const url of ['/a', '/b']) {
      app.get(url, { schema: { response: { 200: Person, 404: Problem } } }, async () => ({ id: url, name: 'Dilnoza', email: 'd@example.uz' }));
    }
    const reply = await app.inject('/b');
    expect(reply.json()).toEqual({ id: '/b', name: 'Dilnoza' });
    await app.close();

    const broken = Fastify({ schemaController: { compilersFactory: { buildSerializer: sharedSerializers() } } });
    broken.get('/c', { schema: { response: { 200: { type: 'object', properties: { id: { $ref: '#/nowhere' } } } } } }, async () => ({ id: 'c' }));
    await expect(broken.ready()).rejects.toThrow();
  });
});
