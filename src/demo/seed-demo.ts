import type { Db } from '../db/client.js';
import type { CertificateCredentials, CertificateSigner } from '../modules/certification/certificate-credential.js';
import { insertAssociation } from '../modules/associations/repository.js';
import { DEMO_ASSOCIATIONS } from './demo-data.js';
import { seedDemoAttendance } from './demo-attendance.js';
import { seedDemoCatalogue } from './demo-catalogue.js';
import { seedDemoCertification } from './demo-certification.js';
import { seedDemoEvents } from './demo-events.js';
import { seedDemoPayments } from './demo-payments.js';
import { seedDemoPeople } from './demo-people.js';

/**
 * Stands in for the issuer where demo data is loaded without keys (tests of other modules' demo
 * data): the demo certificates are then written without a signed credential.
 */
const UNSIGNED: CertificateSigner = {
  keyId: '',
  prepare: async (_tx, certificate) => ({ certificateId: certificate.id, keyId: '', signed: Promise.resolve({ credential: '', jwt: '' }) }),
  store: async () => undefined,
  issue: async () => ({ keyId: '' }),
};

/**
 * Loads the demo data set into an empty database, in one transaction. Returns a one-line summary.
 * With the deployment's credentials, every demo certificate gets its signed credential.
 */
export async function seedDemo(db: Db, credentials?: CertificateCredentials): Promise<string> {
  // Keys are opened before the transaction: opening them reads the database on its own connection.
  const signer = credentials ? await credentials.signer() : UNSIGNED;
  return db.transaction(async (tx) => {
    const byKey = new Map<string, string>();
    for (const a of DEMO_ASSOCIATIONS) {
      const row = await insertAssociation(tx, a.values);
      byKey.set(a.key, row.id);
    }
    const register = await seedDemoPeople(tx, byKey);
    const catalogue = await seedDemoCatalogue(tx, byKey);
    const events = await seedDemoEvents(tx, byKey, catalogue);
    await seedDemoPayments(tx);
    const attendance = await seedDemoAttendance(tx);
    const certification = await seedDemoCertification(tx, byKey, catalogue, signer);
    return `Demo data loaded: ${DEMO_ASSOCIATIONS.length} associations, 1 project, ${register.people} people, ${register.organisations} organisations, ${catalogue.counts.courses} courses, ${events.events} events with ${events.sessions} sessions and ${events.registrations} registrations (${attendance.completed} completed in ${attendance.sessions} past sessions), ${certification.schemes} certification schemes with ${certification.applications} applications and ${certification.certificates} certificates.`;
  });
}
