import type { Locale } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { findAssociation } from '../associations/repository.js';
import { loadSessionFacts } from '../events/get-session.js';
import { getProjectAcknowledgement, type ProjectAcknowledgement } from '../events/project-acknowledgement.js';
import { normaliseVerificationCode } from './completion-code.js';
import { findCertificateByCode } from './completions-repository.js';

export interface ParticipationVerification {
  /** valid: the holder completed the course; withdrawn: staff have since decided otherwise. */
  status: 'valid' | 'withdrawn';
  verificationCode: string;
  fullName: string;
  nameLatin: string | null;
  course: Translated;
  firstDay: Date;
  lastDay: Date;
  timeZone: string;
  city: string | null;
  associationName: string;
  /** The donor project's acknowledgement in the reader's language, when the session ran under one. */
  acknowledgement: ProjectAcknowledgement | null;
}

/**
 * What the public verification address of a certificate of participation says about it. Null when
 * no certificate was ever issued under the code: a code that only ever belonged to someone who did
 * not complete is as unknown as one never handed out.
 */
export async function verifyParticipation(db: Db, code: string, locale: Locale): Promise<ParticipationVerification | null> {
  const normalised = normaliseVerificationCode(code);
  const record = normalised ? await findCertificateByCode(db, normalised) : null;
  if (!record || record.completedAt === null) return null;
  const session = await loadSessionFacts(db, record.sessionId);
  const first = session?.days[0];
  const last = session?.days[session.days.length - 1];
  if (!session || !first || !last) return null;
  const [association, acknowledgement] = await Promise.all([
    findAssociation(db, session.associationId),
    session.projectId ? getProjectAcknowledgement(db, session.projectId, locale) : null,
  ]);
  const valid = record.completed && record.registrationStatus === 'confirmed';
  return {
    status: valid ? 'valid' : 'withdrawn',
    verificationCode: record.verificationCode,
    fullName: record.fullName,
    nameLatin: record.nameLatin,
    course: session.course.title,
    firstDay: first.startsAt,
    lastDay: last.startsAt,
    timeZone: session.timeZone,
    city: session.format === 'online' ? null : session.city,
    associationName: association?.name ?? '',
    acknowledgement,
  };
}
