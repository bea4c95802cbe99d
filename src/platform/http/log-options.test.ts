import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, withoutQueryValues } from './log-options.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

function uniqueViolation() {
  const cause = Object.assign(new Error('duplicate key value violates unique constraint "people_email_unique"'), {
    code: '23505',
    constraint: 'people_email_unique',
    detail: 'Key (association_id, lower(email))=(5d1c, dilnoza@example.uz) already exists.',
  });
  return new DrizzleQueryError('insert into "people" ("full_name", "email") values ($1, $2)', ['Дилноза Каримова', 'dilnoza@example.uz'], cause);
}

describe('log options', () => {
  it('keep the names of query parameters and drop their values', () => {
    expect(withoutQueryValues('/api/v1/people?q=Dilnoza&page=2')).toBe('/api/v1/people?q=…&page=…');
    expect(withoutQueryValues('/healthz')).toBe('/healthz');
  });

  it('log a failed query with its SQL, code, constraint and stack, without the values', () => {
    const { lines, stream } = capture();
    const { serializers, formatters, hooks } = loggerOptions('info') as pino.LoggerOptions;
    const logger = pino({ serializers, formatters, hooks }, stream);
    logger.error({ err: uniqueViolation() }, 'unhandled error');
    logger.error(uniqueViolation());
    const line = lines.join('\n');
    expect(line).not.toContain('dilnoza@example.uz');
    expect(line).not.toContain('Дилноза');
    const { err } = JSON.parse(lines[0]!) as { err: Record<string, string> };
    expect(err.type).toBe('DrizzleQueryError');
    expect(err.message).toContain('Failed query: insert into "people"');
    expect(err.message).toContain('people_email_unique');
    expect(err.stack).toMatch(/log-options\.test\.ts/);
    expect(err.query).toContain('insert into "people"');
    expect(lines).toHaveLength(2);
  });

  it('never write a value under a secret-sounding key, at the top or one level down', () => {
    const { lines, stream } = capture();
    const { serializers, formatters, hooks } = loggerOptions('info') as pino.LoggerOptions;
    const logger = pino({ serializers, formatters, hooks }, stream);
    const input = { token: 'usta_abc123', user: { email: 'x@example.org', password: 'Xy7-secret' }, headers: { cookie: 'usta_session=s3cret' }, kept: 1 };
    logger.info(input, 'something');
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ token: '[redacted]', user: { password: '[redacted]' }, headers: { cookie: '[redacted]' }, kept: 1, msg: 'something' });
    expect(lines[0]).not.toMatch(/usta_abc123|Xy7-secret|s3cret/);
    expect(input.user.password).toBe('Xy7-secret');
  });

  it('is what a Fastify server logs a route error with', async () => {
    const { lines, stream } = capture();
    const app = Fastify({ logger: { ...(loggerOptions('info') as object), stream } });
    app.get('/fail', () => Promise.reject(uniqueViolation()));
    const res = await app.inject({ method: 'GET', url: '/fail?q=Karimova', headers: { cookie: 'usta_session=secret-session-value' } });
    expect(res.statusCode).toBe(500);
    await app.close();
    const output = lines.join('\n');
    expect(output).toContain('people_email_unique');
    for (const value of ['dilnoza@example.uz', 'Дилноза', 'Karimova', 'secret-session-value']) expect(output).not.toContain(value);
  });
});
