import { describe, expect, it } from 'vitest';
import { FieldProblems } from '../../platform/field-problems.js';
import { normaliseCourseInput, slugFrom } from './course-fields.js';

describe('course fields', () => {
  it('make a web address from a code', () => {
    expect(slugFrom('ENG-RW 01')).toBe('eng-rw-01');
    expect(slugFrom('  Ūdens/2024 ')).toBe('udens-2024');
    expect(slugFrom('Курс')).toBe('');
  });

  it('accept ESCO skills and skill groups, and nothing else', () => {
    const check = (uri: string) => {
      const problems = new FieldProblems();
      normaliseCourseInput({ escoSkills: [{ uri, label: 'x' }] }, problems, false);
      return problems.empty;
    };
    expect(check('http://data.europa.eu/esco/skill/0a8a8e5e-5f4a-4f2e-9d8f-2b7c4b0a6b2d')).toBe(true);
    expect(check('https://data.europa.eu/esco/skill/S7')).toBe(true);
    expect(check('http://data.europa.eu/esco/occupation/528f90ed-e250-48bd-aacc-ffb7b1de5654')).toBe(false);
    expect(check('http://data.europa.eu.evil.example/esco/skill/1')).toBe(false);
    expect(check('javascript:alert(1)//data.europa.eu/esco/skill/1')).toBe(false);
  });

  it('clean texts per language, keep one of each area, and round hours to a tenth', () => {
    const problems = new FieldProblems();
    const input = normaliseCourseInput(
      {
        title: { en: '  Heat   supply ', ru: '' },
        summary: { uz: 'Birinchi  qator.\n\n\n\nIkkinchi.  ' },
        competencyAreas: ['legal', 'technical', 'legal'],
        hours: 7.25,
        cpdCredits: 1,
      },
      problems,
      false,
    );
    expect(problems.fields).toEqual({});
    expect(input).toMatchObject({
      title: { en: 'Heat supply' },
      summary: { uz: 'Birinchi qator.\n\nIkkinchi.' },
      competencyAreas: ['technical', 'legal'],
      hours: 7.3,
    });
  });

  it('require code, title and hours for a new course, and a default web address from the code', () => {
    const problems = new FieldProblems();
    const input = normaliseCourseInput({ code: 'HS-1' }, problems, true);
    expect(input.slug).toBe('hs-1');
    expect(problems.fields).toEqual({ title: { key: 'translation_required' }, hours: { key: 'required' } });
  });
});
