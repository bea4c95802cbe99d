import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../../platform/errors.js';
import { renderError } from '../../platform/http/error-body.js';
import type { Services } from '../../platform/services.js';

export async function webRoutes(_app: FastifyInstance, _services: Services): Promise<void> {
  // Server-rendered public pages and the signed-in app's shell are registered here.
}

export function renderErrorPage(_services: Services) {
  return (request: FastifyRequest, reply: FastifyReply, error: AppError, status: number) => {
    const { body } = renderError(error, request.tr);
    return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html><title>${status}</title><p>${body.error.message}</p>`);
  };
}
