import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { renderError, validationError } from './error-body.js';

/** Turns anything thrown into an AppError; unknown failures become `internal` and are logged. */
export function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError;
  if (fe.validation) return validationError(fe.validation);
  const status = fe.statusCode ?? 500;
  if (status === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('payload_too_large');
  if (status === 415) return new AppError('unsupported_file');
  if (status === 429) return new AppError('rate_limited');
  if (status === 404) return new AppError('not_found', { values: { what: 'route' } });
  if (fe.code === 'FST_CSRF_INVALID_TOKEN' || fe.code === 'FST_CSRF_MISSING_SECRET') return new AppError('csrf');
  if (status >= 400 && status < 500) return new AppError('validation', { fields: { _: { key: 'invalid' } } });
  request.log.error({ err: error }, 'unhandled error');
  return new AppError('internal');
}

export type HtmlErrorRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  status: number,
) => FastifyReply | Promise<FastifyReply>;

export function installErrorHandler(app: FastifyInstance, renderHtml?: HtmlErrorRenderer): void {
  app.setErrorHandler(async (error, request, reply) => {
    const appError = toAppError(error, request);
    const { status, body } = renderError(appError, request.tr);
    if (status >= 500) reply.header('cache-control', 'no-store');
    if (renderHtml && request.routeOptions.config?.html) return renderHtml(request, reply, appError, status);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler(async (request, reply) => {
    const appError = new AppError('not_found', { values: { what: 'route' } });
    const { status, body } = renderError(appError, request.tr);
    const wantsHtml = !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (renderHtml && wantsHtml) return renderHtml(request, reply, appError, status);
    return reply.code(status).send(body);
  });
}
