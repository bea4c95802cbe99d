import { describe, expect, it } from 'vitest';
import { cpdCreditsBetween, evaluateRequirements, type ApplicantRecords, type CompletedCourse } from './evaluate-requirements.js';
import type { Requirement } from './requirements.js';

const context = { schemeId: 'scheme-1', levelId: 'level-1', asOf: new Date('2026-06-01T12:00:00Z') };

const course = (courseId: string, day: string, cpdCredits: number): CompletedCourse => ({
  courseId,
  completedOn: new Date(`${day}T15:00:00Z`),
  cpdCredits,
});

const nothing: ApplicantRecords = { completedCourses: [], examResults: [], experienceYears: null, documentTypes: [] };

const requirements: Requirement[] = [
  { id: 'r-courses', kind: 'courses', courseIds: ['rain', 'waste'] },
  { id: 'r-cpd', kind: 'cpd_credits', credits: 10, windowYears: 3 },
  { id: 'r-exam', kind: 'exam', examName: 'Written exam' },
  { id: 'r-years', kind: 'experience', years: 5 },
  { id: 'r-diploma', kind: 'document', documentType: 'diploma' },
];

describe('evaluateRequirements', () => {
  it('meets nothing for someone with no records, and says how far each one is', () => {
    const results = evaluateRequirements(requirements, nothing, context);
    expect(results.map((r) => [r.requirementId, r.met, r.have, r.need])).toEqual([
      ['r-courses', false, 0, 2],
      ['r-cpd', false, 0, 10],
      ['r-exam', false, 0, 1],
      ['r-years', false, 0, 5],
      ['r-diploma', false, 0, 1],
    ]);
    expect(results[0]!.missingCourseIds).toEqual(['rain', 'waste']);
  });

  it('meets every requirement when the records show it', () => {
    const records: ApplicantRecords = {
      completedCourses: [course('rain', '2025-03-10', 6), course('waste', '2026-05-30', 4.5)],
      examResults: [{ schemeId: 'scheme-1', levelId: 'level-1', examName: '  written   EXAM ', passed: true, score: 81, takenOn: '2026-05-01' }],
      experienceYears: 7,
      documentTypes: ['cv', 'diploma'],
    };
    const results = evaluateRequirements(requirements, records, context);
    expect(results.every((r) => r.met)).toBe(true);
    expect(results.find((r) => r.requirementId === 'r-cpd')).toMatchObject({ have: 10.5, need: 10 });
  });

  it('names the courses still missing', () => {
    const [courses] = evaluateRequirements(requirements, { ...nothing, completedCourses: [course('waste', '2026-01-01', 2)] }, context);
    expect(courses).toMatchObject({ met: false, have: 1, need: 2, missingCourseIds: ['rain'] });
  });

  it('counts CPD credits only inside the window, and each course once', () => {
    const records = {
      ...nothing,
      completedCourses: [
        course('old', '2023-05-31', 8), // more than three years before 1 June 2026
        course('rain', '2023-06-02', 6),
        course('rain', '2025-06-02', 6), // the same course again earns nothing more
        course('future', '2026-06-02', 9), // after the day of evaluation
      ],
    };
    const [, cpd] = evaluateRequirements(requirements, records, context);
    expect(cpd).toMatchObject({ met: false, have: 6, need: 10 });

    const anyTime = evaluateRequirements([{ id: 'ever', kind: 'cpd_credits', credits: 14, windowYears: null }], records, context);
    expect(anyTime[0]).toMatchObject({ met: true, have: 14 });
  });

  it('accepts only a passed exam of the same scheme and level', () => {
    const exam = { examName: 'Written exam', score: 90, takenOn: '2026-04-01' };
    const failing = [
      { ...exam, schemeId: 'scheme-1', levelId: 'level-1', passed: false },
      { ...exam, schemeId: 'scheme-2', levelId: 'level-1', passed: true },
      { ...exam, schemeId: 'scheme-1', levelId: 'level-2', passed: true },
      { ...exam, schemeId: 'scheme-1', levelId: 'level-1', passed: true, examName: 'Oral exam' },
    ];
    const results = evaluateRequirements(requirements, { ...nothing, examResults: failing }, context);
    expect(results.find((r) => r.requirementId === 'r-exam')!.met).toBe(false);
  });

  it('takes the stated years of experience, and needs a document of the named type', () => {
    const results = evaluateRequirements(requirements, { ...nothing, experienceYears: 4.5, documentTypes: ['cv', 'employer_letter'] }, context);
    expect(results.find((r) => r.requirementId === 'r-years')).toMatchObject({ met: false, have: 4.5 });
    expect(results.find((r) => r.requirementId === 'r-diploma')).toMatchObject({ met: false, have: 0 });
    const enough = evaluateRequirements(requirements, { ...nothing, experienceYears: 5, documentTypes: ['diploma', 'diploma'] }, context);
    expect(enough.find((r) => r.requirementId === 'r-years')!.met).toBe(true);
    expect(enough.find((r) => r.requirementId === 'r-diploma')).toMatchObject({ met: true, have: 2 });
  });
});

describe('cpdCreditsBetween', () => {
  it('counts from (exclusive) to (inclusive), in tenths', () => {
    const courses = [course('a', '2026-01-01', 1.1), course('b', '2026-02-01', 2.2), course('c', '2026-03-01', 0.1)];
    expect(cpdCreditsBetween(courses, new Date('2026-01-01T15:00:00Z'), new Date('2026-03-01T15:00:00Z'))).toBe(2.3);
    expect(cpdCreditsBetween(courses, null, new Date('2026-12-31T00:00:00Z'))).toBe(3.4);
  });
});
