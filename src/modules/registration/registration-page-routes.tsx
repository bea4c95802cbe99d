import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomToken } from '../../platform/auth/secrets.js';
import { AppError } from '../../platform/errors.js';
import { renderError } from '../../platform/http/error-body.js';
import { isLocale } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import type { Services } from '../../platform/services.js';
import { pageContext, sendPage } from '../../web/server/render.js';
import { getPublicSession, type PublicSession } from '../events/get-public-session.js';
import { sessionPath } from '../events/list-upcoming-sessions.js';
import { SessionPage } from '../events/pages/session-page.js';
import type { Gender, Sector } from '../people/tables.js';
import { cancelRegistration } from './cancel-registration.js';
import { getTicket } from './get-ticket.js';
import { certificateAvailable } from './participation-download.js';
import { RegistrationPanel, type RegistrationFormState } from './pages/registration-form.js';
import { AlreadyRegisteredPage, TicketPage, ticketQrSvg } from './pages/ticket-page.js';
import { registerForSession } from './register-for-session.js';
import { ticketPath } from './registration-mail.js';
import { registrationState } from './registration-window.js';

const page = { access: 'public', html: true } as const;
/** Each post may write a person and a registration and send a mail, so a client gets a few a minute. */
export const PUBLIC_REGISTRATION_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
const Slug = Type.String({ minLength: 1, maxLength: 120 });
const SessionParams = Type.Object({ associationSlug: Slug, sessionSlug: Slug });
const TicketParams = Type.Object({ code: Type.String({ minLength: 8, maxLength: 20 }) });

/** The string fields of a posted form; repeated or odd values are dropped. */
function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (typeof value === 'string' && key !== '_csrf') out[key] = value;
    }
  }
  return out;
}

const FORM_ERRORS = new Set(['validation', 'duplicate', 'conflict']);

/** Public session pages with the registration form, and the registrant's ticket: no script anywhere. */
export async function registrationPageRoutes(base: FastifyInstance, services: Services): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, messages, config } = services;

  const sessionPage = (request: FastifyRequest, reply: FastifyReply, found: PublicSession, form: RegistrationFormState, status = 200) => {
    const ctx = pageContext(request, reply, { csrf: true });
    const { session } = found;
    const state = registrationState(session, session.days, new Date());
    const opensAt = session.registrationOpensAt ? ctx.tr.formatDateTime(session.registrationOpensAt, session.timeZone) : undefined;
    return sendPage(reply, ctx, {
      status,
      title: pickTranslation(session.course.title, ctx.locale),
      body: (
        <SessionPage ctx={ctx} session={session} event={found.event} acknowledgement={found.acknowledgement}>
          <RegistrationPanel
            ctx={ctx}
            action={`${sessionPath(session)}/register`}
            state={state}
            seatsLeft={session.seatsLeft}
            opensAt={opensAt}
            idempotencyKey={form.values.idempotencyKey || randomToken()}
            form={form}
          />
        </SessionPage>
      ),
    });
  };

  app.get('/sessions/:associationSlug/:sessionSlug', { config: page, schema: { hide: true, params: SessionParams } }, async (request, reply) => {
    const found = await getPublicSession(db, request.params.associationSlug, request.params.sessionSlug, request.locale);
    return sessionPage(request, reply, found, { values: {} });
  });

  app.post(
    '/sessions/:associationSlug/:sessionSlug/register',
    { config: { ...page, rateLimit: PUBLIC_REGISTRATION_RATE_LIMIT, changesKeptRows: false }, schema: { hide: true, params: SessionParams } },
    async (request, reply) => {
      const found = await getPublicSession(db, request.params.associationSlug, request.params.sessionSlug, request.locale);
      const values = formValues(request.body);
      try {
        const outcome = await registerForSession(db, { messages, publicUrl: config.publicUrl }, {
          actor: request.auth,
          sessionId: found.session.id,
          source: 'public',
          locale: isLocale(values.locale) ? values.locale : request.locale,
          idempotencyKey: values.idempotencyKey ?? null,
          details: {
            fullName: values.fullName ?? '',
            nameLatin: values.nameLatin ?? null,
            email: values.email ?? '',
            gender: (values.gender || null) as Gender | null,
            country: values.country || null,
            city: values.city ?? null,
            organisation: values.organisation ?? null,
            sector: (values.sector || null) as Sector | null,
            privacyConsent: values.privacyConsent === 'yes',
            emailConsent: values.emailConsent === 'yes',
            registryConsent: values.registryConsent === 'yes',
          },
        });
        if (outcome.secret) return reply.redirect(ticketPath(outcome.registration.ticketCode, outcome.secret), 303);
        const ctx = pageContext(request, reply);
        return sendPage(reply, ctx, {
          title: ctx.tr.t('registration.already.title'),
          body: <AlreadyRegisteredPage ctx={ctx} courseTitle={pickTranslation(found.session.course.title, ctx.locale)} sessionHref={sessionPath(found.session)} />,
        });
      } catch (error) {
        if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error;
        const { status, body } = renderError(error, request.tr);
        // The page is read again: a conflict (closed, cancelled) shows the session as it is now.
        const fresh = error.code === 'conflict' ? await getPublicSession(db, request.params.associationSlug, request.params.sessionSlug, request.locale) : found;
        return sessionPage(request, reply, fresh, { values, message: body.error.message, ...(body.error.fields ? { fields: body.error.fields } : {}) }, status);
      }
    },
  );

  const Token = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });

  app.get('/tickets/:code', { config: page, schema: { hide: true, params: TicketParams, querystring: Token } }, async (request, reply) => {
    // The secret travels in the address; keep it out of the Referer of anything the page links to.
    reply.header('referrer-policy', 'no-referrer');
    const secret = request.query.token ?? '';
    const ticket = await getTicket(db, { ticketCode: request.params.code, secret, locale: request.locale });
    const ctx = pageContext(request, reply, { csrf: true });
    const last = ticket.session.days[ticket.session.days.length - 1];
    return sendPage(reply, ctx, {
      title: ctx.tr.t('registration.ticket.title'),
      body: (
        <TicketPage
          ctx={ctx}
          ticket={ticket}
          secret={secret}
          qrSvg={await ticketQrSvg(ticket.registration.ticketCode)}
          over={last ? new Date() >= last.endsAt : false}
          completed={await certificateAvailable(db, ticket.registration.id)}
        />
      ),
    });
  });

  app.post(
    '/tickets/:code/cancel',
    { config: { ...page, rateLimit: PUBLIC_REGISTRATION_RATE_LIMIT, changesKeptRows: false }, schema: { hide: true, params: TicketParams } },
    async (request, reply) => {
      const values = formValues(request.body);
      const secret = values.token ?? '';
      await cancelRegistration(db, { messages, publicUrl: config.publicUrl }, { by: 'registrant', ticketCode: request.params.code, secret, reason: values.reason ?? null });
      return reply.redirect(ticketPath(request.params.code.toUpperCase(), secret), 303);
    },
  );
}
