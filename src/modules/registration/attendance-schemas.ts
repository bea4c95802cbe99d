import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../../platform/http/schema-types.js';
import { COMPLETION_CHANGES } from './tables.js';

export const SessionParams = Type.Object({ id: Uuid() });
export const RegistrationParams = Type.Object({ id: Uuid(), registrationId: Uuid() });
export const JobParams = Type.Object({ id: Uuid(), jobId: Uuid() });

export const CheckInBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 200, description: 'The ticket code as typed (any case, spaces or dashes) or as read from the ticket’s QR code.' }),
  dayId: Type.Optional(Uuid({ description: 'Default: the session’s day that is today in the session’s time zone.' })),
});

export const CheckIn = Type.Object({
  status: Type.Unsafe<'checked_in' | 'already_checked_in'>({ type: 'string', enum: ['checked_in', 'already_checked_in'] }),
  registrationId: Uuid(),
  fullName: Type.String({ description: 'The name in its own script.' }),
  nameLatin: Nullable(Type.String()),
  ticketCode: Type.String(),
  dayId: Uuid(),
  day: Type.String({ format: 'date' }),
  recordedAt: DateTime(),
});

const Day = Type.Object({
  id: Uuid(),
  day: Type.String({ format: 'date' }),
  startsAt: DateTime(),
  endsAt: DateTime(),
  start: Type.String({ description: 'HH:MM on the clocks of the session’s place.' }),
  end: Type.String(),
});

export const SessionHeading = Type.Object({
  id: Uuid(),
  associationId: Uuid(),
  title: Type.String({ description: 'The course title in the caller’s language.' }),
  city: Nullable(Type.String()),
  timeZone: Type.String(),
  status: Type.String(),
  days: Type.Array(Day),
  minAttendancePercent: Type.Integer(),
  requiresFinalTest: Type.Boolean(),
  minTestScore: Nullable(Type.Number()),
});

export const AttendanceList = Type.Object({
  session: SessionHeading,
  today: Type.String({ format: 'date', description: 'Today in the session’s time zone.' }),
  canManage: Type.Boolean({ description: 'The caller may import sheets and override completions (staff).' }),
  rows: Type.Array(
    Type.Object({
      registrationId: Uuid(),
      fullName: Type.String(),
      nameLatin: Nullable(Type.String()),
      ticketCode: Type.String(),
      marks: Type.Record(Type.String(), Type.Boolean(), { description: 'Recorded marks by day id: true present, false absent.' }),
    }),
  ),
});

export const MarkBody = Type.Object({ registrationId: Uuid(), dayId: Uuid(), present: Type.Boolean() });

export const Mark = Type.Object({
  registrationId: Uuid(),
  dayId: Uuid(),
  present: Type.Boolean(),
  recordedAt: DateTime(),
  completed: Type.Boolean({ description: 'The registrant’s completion after this mark.' }),
  attendancePercent: Type.Integer(),
});

export const TestResultBody = Type.Object({
  registrationId: Uuid(),
  score: Type.Unsafe<number | null>({ type: ['number', 'null'], minimum: 0, maximum: 100, description: '0–100; null removes the result.' }),
});
export type TestResultBodyType = { registrationId: string; score: number | null };

export const TestResult = Type.Object({ registrationId: Uuid(), score: Nullable(Type.Number()), completed: Type.Boolean() });

export const Completion = Type.Object({
  registrationId: Uuid(),
  fullName: Type.String(),
  nameLatin: Nullable(Type.String()),
  ticketCode: Type.String(),
  attendedDays: Type.Integer(),
  attendancePercent: Type.Integer({ description: 'Days attended, as a whole percentage rounded down.' }),
  testScore: Nullable(Type.Number()),
  computedCompleted: Type.Boolean({ description: 'What the completion rule says.' }),
  completed: Type.Boolean({ description: 'What is in force: the rule, or the override.' }),
  overridden: Type.Boolean(),
  overrideReason: Nullable(Type.String()),
  verificationCode: Type.String({ description: 'Code of the certificate’s public verification address.' }),
  updatedAt: DateTime(),
});

export const CompletionList = Type.Object({
  session: SessionHeading,
  dayCount: Type.Integer(),
  canManage: Type.Boolean(),
  items: Type.Array(Completion),
});

export const OverrideBody = Type.Object({
  completed: Type.Boolean(),
  reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why the rule is set aside; kept in the history.' }),
});

export const RemoveOverrideQuery = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000, description: 'Why the decision is taken back; kept in the history.' })) });

export const History = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid(),
      kind: Type.Unsafe<(typeof COMPLETION_CHANGES)[number]>({ type: 'string', enum: [...COMPLETION_CHANGES] }),
      completed: Type.Boolean(),
      reason: Type.String({ description: '"computed" for a rule evaluation; the staff member’s words otherwise.' }),
      actorName: Nullable(Type.String()),
      at: DateTime(),
    }),
  ),
});

export const ImportCommitBody = Type.Object({
  mode: Type.Unsafe<'all' | 'valid'>({ type: 'string', enum: ['all', 'valid'], description: 'all: refused while a row has a problem; valid: only rows without problems.' }),
});
export type ImportCommitBodyType = Static<typeof ImportCommitBody>;

export const AttendanceImportPreview = Type.Object({
  id: Uuid({ description: 'The job to commit.' }),
  status: Type.Literal('preview'),
  fileName: Type.String(),
  total: Type.Integer(),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  columns: Type.Array(Type.String(), { description: 'The columns that name the registrant (ticket code, e-mail, name), as headed in the file.' }),
  days: Type.Array(Type.Object({ column: Type.String(), day: Type.String({ format: 'date' }) })),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'Row number in the sheet; the header is row 1.' }),
      errors: Type.Array(Type.Object({ column: Type.String(), message: Type.String() })),
    }),
    { description: 'Only the rows with problems.' },
  ),
});
