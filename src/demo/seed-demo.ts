import type { Db } from '../db/client.js';
import { insertAssociation } from '../modules/associations/repository.js';
import { DEMO_ASSOCIATIONS, DEMO_PROJECT } from './demo-data.js';
import { insertProject } from '../modules/events/repository.js';
import { seedDemoPeople } from './demo-people.js';

/** Loads the demo data set into an empty database, in one transaction. Returns a one-line summary. */
export async function seedDemo(db: Db): Promise<string> {
  return db.transaction(async (tx) => {
    const byKey = new Map<string, string>();
    for (const a of DEMO_ASSOCIATIONS) {
      const row = await insertAssociation(tx, a.values);
      byKey.set(a.key, row.id);
    }
    const lead = byKey.get(DEMO_PROJECT.associationKey)!;
    await insertProject(tx, { ...DEMO_PROJECT.values, associationId: lead });
    const register = await seedDemoPeople(tx, byKey);
    return `Demo data loaded: ${DEMO_ASSOCIATIONS.length} associations, 1 project, ${register.people} people, ${register.organisations} organisations.`;
  });
}
