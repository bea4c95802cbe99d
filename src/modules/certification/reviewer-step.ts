import type { Db, Tx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { applicationFor } from './application-access.js';
import { cleanNote } from './application-fields.js';
import { recordStep, type MailedAction } from './application-steps.js';
import { nextStatus, type ApplicationStep } from './application-transitions.js';
import { applicationView, type ApplicationView } from './application-view.js';
import { updateApplicationRow, type ApplicationRow } from './applications-repository.js';
import type { CertificationDeps } from './deps.js';

const ACTION: Record<Exclude<ApplicationStep, 'submit'>, MailedAction> = {
  start_review: 'in_review',
  request_info: 'needs_info',
  approve: 'approved',
  reject: 'rejected',
};

export interface ReviewerStepOptions {
  actor: AuthContext | null;
  id: string;
  step: Exclude<ApplicationStep, 'submit'>;
  note?: string | null | undefined;
  /** The note is what the applicant must act on (a question, a reason), so it cannot be left out. */
  noteRequired: boolean;
  /** A further condition, checked with the application locked. */
  precondition?: (tx: Tx, application: ApplicationRow) => Promise<void>;
  now?: Date | undefined;
}

/** A step an assessor (or staff) of the scheme's association takes: status, history and the applicant's mail together. */
export async function takeReviewerStep(db: Db, deps: Pick<CertificationDeps, 'messages' | 'publicUrl'>, options: ReviewerStepOptions): Promise<ApplicationView> {
  const problems = new FieldProblems();
  const note = cleanNote(options.note, 'note', problems, options.noteRequired);
  problems.throwIfAny();
  const now = options.now ?? new Date();
  await db.transaction(async (tx) => {
    const { auth, application } = await applicationFor(tx, options.actor, options.id, 'reviewer', true);
    const status = nextStatus(application.status, options.step);
    await options.precondition?.(tx, application);
    const decided = status === 'approved' || status === 'rejected';
    await updateApplicationRow(tx, application.id, {
      status,
      ...(decided ? { decisionReason: note, decidedBy: auth.user.id, decidedAt: now } : {}),
    });
    await recordStep(tx, deps, { application, actorId: auth.user.id, action: ACTION[options.step], note });
  });
  return applicationView(db, await applicationFor(db, options.actor, options.id, 'reviewer'));
}
