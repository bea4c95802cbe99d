import type { Tx } from '../db/client.js';
import { insertCourse, insertMaterial, insertProgramme } from '../modules/catalogue/repository.js';
import { insertProject, replacePartners, type PartnerRole } from '../modules/events/projects-repository.js';
import { searchKeyOf } from '../modules/people/name-skeleton.js';
import { insertOrganisation, listOrganisations } from '../modules/people/organisations-repository.js';
import { DEMO_PROJECT } from './demo-data.js';
import { DEMO_ACKNOWLEDGEMENT, DEMO_COURSES, DEMO_PARTNERS, DEMO_PROGRAMME, type DemoCourse } from './demo-catalogue-data.js';

export interface DemoCatalogue {
  projectId: string;
  /** Course ids by association key, then by course key (rainwater, wastewater, heat, waste). */
  courses: Map<'uz' | 'kz', Map<DemoCourse['key'], string>>;
  counts: { courses: number; programmes: number };
}

/** The ENGINE project with its partners and acknowledgement in five languages. */
async function seedProject(tx: Tx, associationId: string): Promise<string> {
  const projectId = await insertProject(tx, associationId, {
    ...DEMO_PROJECT.values,
    acknowledgement: DEMO_ACKNOWLEDGEMENT,
  });
  const register = await listOrganisations(tx, { associationIds: [associationId], forms: [], rankBy: '', limit: 100, offset: 0 });
  const partners: Array<{ organisationId: string; role: PartnerRole }> = [];
  for (const wanted of DEMO_PARTNERS.existing) {
    const found = register.items.find((o) => o.nameLatin === wanted.nameLatin);
    if (found) partners.push({ organisationId: found.id, role: wanted.role });
  }
  for (const org of DEMO_PARTNERS.added) {
    const organisationId = await insertOrganisation(tx, associationId, {
      name: org.name,
      nameLatin: org.nameLatin,
      kind: org.kind,
      country: org.country,
      city: org.city,
      website: null,
      email: null,
      phone: null,
      searchKey: searchKeyOf(org.name, org.nameLatin),
    });
    partners.push({ organisationId, role: org.role });
  }
  await replacePartners(tx, projectId, partners);
  return projectId;
}

/**
 * The catalogue of the demo: the ENGINE programme with its pilot courses (taught by the Uzbek and
 * the Kazakh association) and two more courses, and the EU-funded project they run under.
 * Runs inside the demo's transaction, after the people and organisations.
 */
export async function seedDemoCatalogue(tx: Tx, associationIds: ReadonlyMap<string, string>): Promise<DemoCatalogue> {
  const lead = associationIds.get(DEMO_PROJECT.associationKey)!;
  const projectId = await seedProject(tx, lead);
  const courses: DemoCatalogue['courses'] = new Map();
  let courseCount = 0;
  let programmeCount = 0;
  for (const key of ['uz', 'kz'] as const) {
    const associationId = associationIds.get(key);
    if (!associationId) continue;
    const programme = await insertProgramme(tx, associationId, DEMO_PROGRAMME);
    programmeCount += 1;
    const ids = new Map<DemoCourse['key'], string>();
    for (const course of DEMO_COURSES.filter((c) => c.associations.includes(key))) {
      const id = await insertCourse(tx, associationId, {
        programmeId: programme.id,
        code: course.code,
        slug: course.slug,
        title: course.title,
        summary: course.summary,
        learningOutcomes: course.outcomes,
        prerequisites: course.prerequisites,
        competencyAreas: course.areas,
        sectors: course.sectors,
        hours: course.hours,
        cpdCredits: course.cpdCredits,
        eqfLevel: course.eqfLevel,
        escoSkills: [],
        status: course.status,
      });
      for (const link of course.links) {
        await insertMaterial(tx, id, { kind: 'link', title: link.title, url: link.url, fileId: null, visibility: 'public' });
      }
      ids.set(course.key, id);
      courseCount += 1;
    }
    courses.set(key, ids);
  }
  return { projectId, courses, counts: { courses: courseCount, programmes: programmeCount } };
}
