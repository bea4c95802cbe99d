import type { DbOrTx } from '../../db/client.js';
import { projects } from './tables.js';

export interface NewProject {
  associationId: string;
  name: string;
  donor: string;
  programme?: string | null;
  agreementNumber?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
}

export async function insertProject(db: DbOrTx, values: NewProject): Promise<{ id: string }> {
  const rows = await db.insert(projects).values(values).returning({ id: projects.id });
  return rows[0]!;
}
