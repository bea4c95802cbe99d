import type { Db } from '../db/client.js';
import { insertAssociation } from '../modules/associations/repository.js';
import { DEMO_ASSOCIATIONS } from './demo-data.js';
import { seedDemoAttendance } from './demo-attendance.js';
import { seedDemoCatalogue } from './demo-catalogue.js';
import { seedDemoCertification } from './demo-certification.js';
import { seedDemoEvents } from './demo-events.js';
import { seedDemoPayments } from './demo-payments.js';
import { seedDemoPeople } from './demo-people.js';

/** Loads the demo data set into an empty database, in one transaction. Returns a one-line summary. */
export async function seedDemo(db: Db): Promise<string> {
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
    const certification = await seedDemoCertification(tx, byKey, catalogue);
    return `Demo data loaded: ${DEMO_ASSOCIATIONS.length} associations, 1 project, ${register.people} people, ${register.organisations} organisations, ${catalogue.counts.courses} courses, ${events.events} events with ${events.sessions} sessions and ${events.registrations} registrations (${attendance.completed} completed in ${attendance.sessions} past sessions), ${certification.schemes} certification schemes with ${certification.applications} applications and ${certification.certificates} certificates.`;
  });
}
