import type { Tx } from '../db/client.js';
import { loadSessionFacts } from '../modules/events/get-session.js';
import { attendeesOfSession, sessionsEndedBefore, writeMarkRows, writeTestResult } from '../modules/registration/attendance-repository.js';
import { computeCompletions } from '../modules/registration/completion-compute.js';
import { markCompletionsMailed } from '../modules/registration/completions-repository.js';
import { randomToken, tokenHash } from '../platform/auth/secrets.js';
import { Messages } from '../platform/i18n/catalogue.js';

export interface DemoAttendanceSummary {
  sessions: number;
  marks: number;
  completed: number;
}

/**
 * The sessions of the demo that are over were fully attended: every confirmed registrant is ticked
 * present on every day (and, where the session ends with a test, has a passing result), and the
 * completions are computed. Like the demo's registrations, it queues no mail: the completion mails
 * of those weeks went out back then (each recorded with the hash of a link no one holds), so the
 * background pass that catches up on held mail has nothing to send on the demo's first start.
 * Runs inside the demo's transaction, after the registrations.
 */
export async function seedDemoAttendance(tx: Tx, now = new Date()): Promise<DemoAttendanceSummary> {
  const deps = { messages: new Messages(), publicUrl: '' };
  const summary: DemoAttendanceSummary = { sessions: 0, marks: 0, completed: 0 };
  for (const id of await sessionsEndedBefore(tx, now)) {
    const session = await loadSessionFacts(tx, id);
    if (!session) continue;
    const attendees = await attendeesOfSession(tx, id);
    const allDays = '1'.repeat(session.days.length);
    await writeMarkRows(tx, attendees.map((a) => ({ r: a.registrationId, m: allDays })), session.days.map((d) => d.id), 'tick', null);
    if (session.requiresFinalTest) {
      const pass = session.minTestScore ?? 60;
      for (const [i, a] of attendees.entries()) await writeTestResult(tx, a.registrationId, Math.min(100, pass + 5 + ((i * 7) % 30)), null);
    }
    const completions = await computeCompletions(tx, deps, { session, actorId: null, now, mail: false });
    const completers = completions.filter((c) => c.record?.completed);
    await markCompletionsMailed(tx, completers.map((c) => ({ registrationId: c.registrationId, tokenHash: tokenHash(randomToken()) })));
    summary.sessions += 1;
    summary.marks += attendees.length * session.days.length;
    summary.completed += completers.length;
  }
  return summary;
}
