import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { Translator } from '../../platform/i18n/catalogue.js';
import type { SessionFacts } from '../events/get-session.js';
import { todayIn } from '../events/session-times.js';
import { getAttendanceList } from './attendance-list.js';
import { completionFactsOfSession } from './completions-repository.js';
import { attendanceTable } from './export-attendance.js';
import { participantsTable } from './export-participants.js';
import { paymentsTable } from './export-payments.js';
import type { ExportTable } from './export-table.js';
import { CONTENT_TYPES, writeExport, type ExportFormat } from './export-write.js';
import { confirmedParticipants } from './exports-repository.js';
import { sessionForFees } from './fee-access.js';
import { listSessionFees, listSessionInvoices } from './invoices-repository.js';

export const EXPORT_KINDS = ['participants', 'attendance', 'payments'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportSessionOptions {
  actor: AuthContext | null;
  sessionId: string;
  kind: ExportKind;
  format: ExportFormat;
  /** The requester's language: headers, labels and country names. */
  tr: Translator;
  now?: Date;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

async function buildTable(db: Db, session: SessionFacts, options: ExportSessionOptions, now: Date): Promise<ExportTable> {
  const { tr } = options;
  switch (options.kind) {
    case 'participants':
      return participantsTable(await confirmedParticipants(db, session.id), session, tr);
    case 'attendance': {
      const [list, people, facts] = await Promise.all([
        getAttendanceList(db, { actor: options.actor, sessionId: session.id, now }),
        confirmedParticipants(db, session.id),
        completionFactsOfSession(db, session.id),
      ]);
      const completed = new Map(facts.filter((f) => f.record).map((f) => [f.registrationId, f.record!.completed]));
      return attendanceTable({ days: list.session.days, rows: list.rows, people: new Map(people.map((p) => [p.registrationId, p])), completed }, tr);
    }
    case 'payments': {
      const [fees, invoices] = await Promise.all([listSessionFees(db, session.id), listSessionInvoices(db, session.id)]);
      const price = session.priceAmount !== null && session.priceCurrency !== null ? { amount: session.priceAmount, currency: session.priceCurrency } : null;
      return paymentsTable({ fees, invoices, price, today: todayIn(session.timeZone, now), timeZone: session.timeZone }, tr);
    }
  }
}

/**
 * A session's participant list, attendance or payments as CSV or XLSX, for the staff of its
 * association. Built in memory in one go: a session has at most a few thousand registrants, a
 * matter of a second or two and a few hundred kilobytes (decision 012), so no background job.
 */
export async function exportSession(db: Db, options: ExportSessionOptions): Promise<ExportFile> {
  const { session } = await sessionForFees(db, options.actor, options.sessionId);
  const table = await buildTable(db, session, options, options.now ?? new Date());
  return {
    fileName: `${options.kind}-${session.slug}.${options.format}`,
    contentType: CONTENT_TYPES[options.format],
    content: await writeExport(table, options.format),
  };
}
