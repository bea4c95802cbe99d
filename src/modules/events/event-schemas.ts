import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../../platform/http/schema-types.js';
import { EVENT_KINDS, PUBLICATION_STATUSES, SESSION_FORMATS, type EventKind, type PublicationStatus, type SessionFormat } from './tables.js';

/** A string or null in one JSON type (not a union), so a bad value gets the string's own message. */
const Text = (maxLength: number, options: Record<string, unknown> = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength, ...options });
const OneOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const NullableUuid = (description: string) => Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'uuid', description });

const Language = () => Type.Optional(Type.String({ maxLength: 4000 }));
export const TranslatedText = Type.Object(
  { en: Language(), ru: Language(), uz: Language(), kk: Language(), lv: Language() },
  { additionalProperties: false, description: 'The text in one or more interface languages (en, ru, uz, kk, lv).' },
);

export const IdParams = Type.Object({ id: Uuid() });

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

const Status = OneOf<PublicationStatus>(PUBLICATION_STATUSES, 'draft: not public; published: on the public pages; cancelled: kept, shown as cancelled.');

export const ReasonBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Sent to every registrant and shown on the public page.' }),
});

/* Events */

const eventInputProperties = {
  associationId: Uuid(),
  projectId: Type.Optional(NullableUuid('The donor project the event runs under.')),
  slug: Type.Optional(Text(120, { description: 'Public URL segment; made from the title when absent.' })),
  kind: Type.Optional(OneOf<EventKind>(EVENT_KINDS, 'What sort of event it is.')),
  title: TranslatedText,
  description: Type.Optional(TranslatedText),
  city: Type.Optional(Text(100)),
  country: Type.Optional(Text(2, { description: 'ISO 3166-1 alpha-2' })),
  startsOn: Type.String({ format: 'date', description: 'YYYY-MM-DD' }),
  endsOn: Type.String({ format: 'date', description: 'YYYY-MM-DD' }),
  timeZone: Type.String({ maxLength: 64, description: 'IANA zone of the place, e.g. Asia/Tashkent.' }),
};
export const EventInput = Type.Object(eventInputProperties);
const { associationId: _eventAssociation, ...eventPatchProperties } = eventInputProperties;
export const EventPatch = Type.Partial(Type.Object(eventPatchProperties));
export type EventInputBody = Static<typeof EventInput>;
export type EventPatchBody = Static<typeof EventPatch>;

export const EventListQuery = Type.Object({
  associationId: Type.Optional(Uuid({ description: 'Only this association; default: every association you work in.' })),
  status: Type.Optional(Status),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
});

export type EventListQueryType = Static<typeof EventListQuery>;

const eventProperties = {
  id: Uuid(),
  associationId: Uuid(),
  projectId: Nullable(Uuid()),
  slug: Type.String(),
  kind: OneOf<EventKind>(EVENT_KINDS, 'Kind'),
  title: TranslatedText,
  description: TranslatedText,
  city: Nullable(Type.String()),
  country: Nullable(Type.String()),
  startsOn: Type.String({ format: 'date' }),
  endsOn: Type.String({ format: 'date' }),
  timeZone: Type.String(),
  status: Status,
  createdAt: DateTime(),
  updatedAt: DateTime(),
};
export const EventSummary = Type.Object(eventProperties);

/* Sessions */

const Day = Type.Object({
  date: Type.String({ description: 'YYYY-MM-DD, on the calendar of the session’s zone.' }),
  start: Type.String({ description: 'HH:MM on the clocks of the session’s zone.' }),
  end: Type.String({ description: 'HH:MM on the clocks of the session’s zone.' }),
});

const Price = Type.Object({
  amount: Type.Number({ description: 'More than zero, at most two decimals.' }),
  currency: Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217: UZS, KZT, EUR …' }),
});

const Moment = (description: string) =>
  Type.Optional(Text(40, { description: `${description} An ISO 8601 instant with an offset, or YYYY-MM-DDTHH:MM on the clocks of the session’s zone.` }));

const sessionInputProperties = {
  associationId: Uuid(),
  courseId: Uuid({ description: 'The course this session delivers (same association).' }),
  eventId: Type.Optional(NullableUuid('The event (training week, forum…) it belongs to.')),
  projectId: Type.Optional(NullableUuid('The donor project it runs under; its acknowledgement ends the public page.')),
  slug: Type.Optional(Text(120, { description: 'Public URL segment; made from the course, city and first day when absent.' })),
  city: Type.Optional(Text(100)),
  country: Type.Optional(Text(2, { description: 'ISO 3166-1 alpha-2' })),
  venue: Type.Optional(Text(300, { description: 'Required for in-person and hybrid sessions.' })),
  timeZone: Type.String({ maxLength: 64, description: 'IANA zone of the place, e.g. Asia/Tashkent; days are typed and shown in it.' }),
  format: Type.Optional(OneOf<SessionFormat>(SESSION_FORMATS, 'in_person (default), online or hybrid.')),
  onlineUrl: Type.Optional(Text(500, { description: 'Required for online and hybrid sessions.' })),
  language: Type.String({ minLength: 2, maxLength: 2, description: 'Language of instruction, ISO 639-1 (e.g. ru, uz, en).' }),
  capacity: Type.Integer({ minimum: 1, maximum: 100000 }),
  registrationOpensAt: Moment('When public registration opens; absent: at once.'),
  registrationClosesAt: Moment('When public registration closes; absent: when the first day starts.'),
  price: Type.Optional(Type.Union([Price, Type.Null()], { description: 'null: free.' })),
  minAttendancePercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Completion rule: share of days attended (default 80).' })),
  requiresFinalTest: Type.Optional(Type.Boolean()),
  minTestScore: Type.Optional(Type.Unsafe<number | null>({ type: ['number', 'null'], minimum: 0, maximum: 100 })),
  days: Type.Array(Day, { minItems: 1, maxItems: 60 }),
  trainers: Type.Optional(Type.Array(Type.Object({ personId: Uuid(), role: Type.Optional(Text(60)) }), { maxItems: 50 })),
  partners: Type.Optional(Type.Array(Type.Object({ organisationId: Uuid(), role: Type.Optional(Text(60)) }), { maxItems: 50 })),
  guests: Type.Optional(
    Type.Array(
      Type.Object({ name: Type.String({ maxLength: 200 }), title: Type.Optional(Text(300)), personId: Type.Optional(NullableUuid('When the guest is in the register.')) }),
      { maxItems: 50, description: 'Officials and other guests of honour.' },
    ),
  ),
};
export const SessionInput = Type.Object(sessionInputProperties);
const { associationId: _sessionAssociation, ...sessionPatchProperties } = sessionInputProperties;
export const SessionPatch = Type.Partial(Type.Object(sessionPatchProperties));
export type SessionInputBody = Static<typeof SessionInput>;
export type SessionPatchBody = Static<typeof SessionPatch>;

export const SessionListQuery = Type.Object({
  associationId: Type.Optional(Uuid({ description: 'Only this association; default: every association you work in.' })),
  eventId: Type.Optional(Uuid()),
  courseId: Type.Optional(Uuid()),
  status: Type.Optional(Status),
  upcoming: Type.Optional(Type.Boolean({ description: 'Only sessions that have not ended.' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
});

export type SessionListQueryType = Static<typeof SessionListQuery>;

const DayView = Type.Object({
  id: Uuid(),
  date: Type.String({ format: 'date' }),
  start: Type.String({ description: 'HH:MM in the session’s zone' }),
  end: Type.String({ description: 'HH:MM in the session’s zone' }),
  startsAt: DateTime(),
  endsAt: DateTime(),
});

const sessionSummaryProperties = {
  id: Uuid(),
  associationId: Uuid(),
  eventId: Nullable(Uuid()),
  courseId: Uuid(),
  course: Nullable(Type.Object({ id: Uuid(), code: Type.String(), slug: Type.String(), title: TranslatedText })),
  projectId: Nullable(Uuid()),
  slug: Type.String(),
  status: Status,
  cancelledReason: Nullable(Type.String()),
  city: Nullable(Type.String()),
  country: Nullable(Type.String()),
  venue: Nullable(Type.String()),
  timeZone: Type.String(),
  format: OneOf<SessionFormat>(SESSION_FORMATS, 'Format'),
  onlineUrl: Nullable(Type.String()),
  language: Type.String(),
  capacity: Type.Integer(),
  registrationOpensAt: Nullable(DateTime()),
  registrationClosesAt: Nullable(DateTime()),
  registrationOpensLocal: Nullable(Type.String({ description: 'YYYY-MM-DDTHH:MM in the session’s zone' })),
  registrationClosesLocal: Nullable(Type.String({ description: 'YYYY-MM-DDTHH:MM in the session’s zone' })),
  price: Nullable(Price),
  minAttendancePercent: Type.Integer(),
  requiresFinalTest: Type.Boolean(),
  minTestScore: Nullable(Type.Number()),
  days: Type.Array(DayView),
  counts: Type.Object({ confirmed: Type.Integer(), waitlisted: Type.Integer(), cancelled: Type.Integer() }),
  seatsLeft: Type.Integer(),
  publicPath: Type.String({ description: 'The public page with the registration form.' }),
  createdAt: DateTime(),
  updatedAt: DateTime(),
};
export const SessionSummary = Type.Object(sessionSummaryProperties);

export const Session = Type.Object({
  ...sessionSummaryProperties,
  trainers: Type.Array(Type.Object({ personId: Uuid(), fullName: Type.String(), nameLatin: Nullable(Type.String()), role: Type.String() })),
  partners: Type.Array(Type.Object({ organisationId: Uuid(), name: Type.String(), nameLatin: Nullable(Type.String()), role: Type.String() })),
  guests: Type.Array(Type.Object({ id: Uuid(), name: Type.String(), title: Nullable(Type.String()), personId: Nullable(Uuid()) })),
});

export const EventWithSessions = Type.Object({ ...eventProperties, sessions: Type.Array(SessionSummary) });
