import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino, { type DestinationStream } from 'pino';

/** Query values may name a person (searches); the log keeps only the parameter names. */
export function withoutQueryValues(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}

/** Properties through which database errors carry the values of a row: names, e-mails, hashes. */
const VALUE_PROPERTIES = ['params', 'detail', 'parameters'];

/**
 * A copy of an error without the values it was made with: a failed query's message and stack
 * list its parameters, and PostgreSQL's `detail` quotes the conflicting row. The SQL text, the
 * error code and the constraint name stay, which is what finding the fault needs.
 */
export function withoutValues(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 5) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error & Record<string, unknown>;
  for (const key of Object.keys(error)) {
    if (!VALUE_PROPERTIES.includes(key)) copy[key] = (error as unknown as Record<string, unknown>)[key];
  }
  let message = error.message;
  let stack = error.stack;
  if (error instanceof DrizzleQueryError) {
    message = `Failed query: ${error.query}`;
    const header = stack?.indexOf(error.message) ?? -1;
    stack = header >= 0 && stack ? `${stack.slice(0, header)}${message}${stack.slice(header + error.message.length)}` : undefined;
  }
  Object.defineProperty(copy, 'message', { value: message, enumerable: false, writable: true });
  Object.defineProperty(copy, 'stack', { value: stack, enumerable: false, writable: true });
  Object.defineProperty(copy, 'name', { value: error.name, enumerable: false, writable: true });
  if (error.cause !== undefined) copy.cause = withoutValues(error.cause, depth + 1);
  return copy;
}

/** Keys whose values never reach a log line, should any code log them. */
const SECRET_KEYS = new Set(['password', 'token', 'authorization', 'cookie', 'set-cookie', 'csrfToken']);
const REDACTED = '[redacted]';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * A log line's object with any secret-named value, at its top level or one level down, replaced.
 * Requests, responses and errors have serializers of their own that keep only what is safe. (pino's
 * path-based redaction did the same at several times the cost of the rest of a request's line.)
 */
export function withoutSecrets(object: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const key in object) {
    const value = object[key];
    if (SECRET_KEYS.has(key)) {
      (copy ??= { ...object })[key] = REDACTED;
    } else if (isPlainObject(value)) {
      let inner: Record<string, unknown> | null = null;
      for (const innerKey in value) if (SECRET_KEYS.has(innerKey)) (inner ??= { ...value })[innerKey] = REDACTED;
      if (inner) (copy ??= { ...object })[key] = inner;
    }
  }
  return copy ?? object;
}

/**
 * One JSON line per event. Requests are logged without headers, query values or client address
 * (the reverse proxy's log has the address); errors without the values of the rows involved;
 * cookies and credentials are redacted should any code log them (withoutSecrets).
 */
export function loggerOptions(level: string, stream?: DestinationStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    formatters: { log: withoutSecrets },
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: withoutQueryValues(request.url) }),
      err: (error: Error) => pino.stdSerializers.err(withoutValues(error) as Error),
    },
    hooks: {
      // Fastify and pino also use an error's message as the line's `msg`.
      logMethod(args: unknown[], method: (...args: unknown[]) => void) {
        const [first, second] = args;
        if (first instanceof Error) {
          args[0] = withoutValues(first);
        } else if (first !== null && typeof first === 'object' && 'err' in first && first.err instanceof Error) {
          if (second === first.err.message) args[1] = (withoutValues(first.err) as Error).message;
        }
        method.apply(this, args);
      },
    },
  };
}

/**
 * A request is logged once, when it completes: method, path, status and time. Writes (POST, PUT,
 * PATCH, DELETE) are also logged when they arrive, so one that never completes can be found.
 */
export class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    request.log.info({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    } else {
      reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    }
  }
}

/** The longest a log line waits in memory before it is written. */
const LOG_FLUSH_MS = 100;

/**
 * Standard output, written in batches: a busy server writes its lines some kilobytes at a time
 * instead of one system call per line. A line is written at the latest 100 ms after it was logged,
 * and whatever is pending on exit (pino flushes its destinations then); a killed process (SIGKILL)
 * loses at most those 100 ms of lines.
 */
export function batchedStdout(): DestinationStream & { flush(): void } {
  const destination = pino.destination({ fd: 1, sync: false, minLength: 4096 });
  let pending: NodeJS.Timeout | null = null;
  let closed = false;
  destination.on('close', () => (closed = true));
  const flush = () => {
    if (pending) clearTimeout(pending);
    pending = null;
    if (!closed) destination.flush();
  };
  return {
    write(line: string) {
      destination.write(line);
      if (!pending) {
        pending = setTimeout(flush, LOG_FLUSH_MS);
        pending.unref();
      }
    },
    flush,
  };
}
