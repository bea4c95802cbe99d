import { SECTORS } from '../../people/tables.js';
import { PublicLayout, type PageContext } from '../../../web/server/layout.js';
import type { AssociationRow } from '../../associations/repository.js';
import type { PublicCourseRow } from '../repository.js';
import { COMPETENCY_AREAS } from '../tables.js';
import { Localised } from './localised.js';

export interface CatalogueFilter {
  association: string;
  sector: string;
  area: string;
  q: string;
}

export interface CatalogueListProps {
  ctx: PageContext;
  filter: CatalogueFilter;
  associations: AssociationRow[];
  items: PublicCourseRow[];
  total: number;
  page: number;
  pageSize: number;
}

export function coursePath(course: { associationSlug: string; slug: string }): string {
  return `/catalogue/${encodeURIComponent(course.associationSlug)}/${encodeURIComponent(course.slug)}`;
}

function Select({ name, label, any, value, options }: { name: string; label: string; any: string; value: string; options: Array<[string, string]> }) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value}>
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A GET form: the filters live in the address, so a filtered list can be shared and works without JavaScript. */
function FilterForm({ ctx, filter, associations }: Pick<CatalogueListProps, 'ctx' | 'filter' | 'associations'>) {
  const { tr } = ctx;
  return (
    <form method="get" action="/catalogue" className="filters" role="search" aria-label={tr.t('catalogue.filter.legend')}>
      <Select
        name="association"
        label={tr.t('catalogue.filter.association')}
        any={tr.t('catalogue.filter.any_association')}
        value={filter.association}
        options={associations.map((a) => [a.slug, a.name])}
      />
      <Select
        name="sector"
        label={tr.t('catalogue.filter.sector')}
        any={tr.t('catalogue.filter.any_sector')}
        value={filter.sector}
        options={SECTORS.map((s) => [s, tr.t(`people.sector.${s}`)])}
      />
      <Select
        name="area"
        label={tr.t('catalogue.filter.area')}
        any={tr.t('catalogue.filter.any_area')}
        value={filter.area}
        options={COMPETENCY_AREAS.map((a) => [a, tr.t(`catalogue.area.${a}`)])}
      />
      <div className="field">
        <label htmlFor="filter-q">{tr.t('catalogue.filter.q')}</label>
        <input id="filter-q" name="q" type="search" defaultValue={filter.q} />
      </div>
      <div className="filter-actions">
        <button type="submit">{tr.t('catalogue.filter.submit')}</button> <a href="/catalogue">{tr.t('catalogue.filter.reset')}</a>
      </div>
    </form>
  );
}

/** Hours, CPD credits and EQF level: the three facts people compare courses by. */
export function CourseFacts({ ctx, course }: { ctx: PageContext; course: { hours: number; cpdCredits: number; eqfLevel: number | null } }) {
  const { tr } = ctx;
  return (
    <dl className="course-facts">
      <div>
        <dt>{tr.t('catalogue.facts.hours')}</dt>
        <dd>{tr.formatNumber(course.hours)}</dd>
      </div>
      <div>
        <dt>{tr.t('catalogue.facts.cpd_credits')}</dt>
        <dd>{tr.formatNumber(course.cpdCredits)}</dd>
      </div>
      <div>
        <dt>{tr.t('catalogue.facts.eqf_level')}</dt>
        <dd>{course.eqfLevel === null ? tr.t('catalogue.facts.not_set') : tr.formatNumber(course.eqfLevel)}</dd>
      </div>
    </dl>
  );
}

function pageHref(filter: CatalogueFilter, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter) as Array<[string, string]>) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/catalogue${search ? `?${search}` : ''}`;
}

export function CatalogueListPage({ ctx, filter, associations, items, total, page, pageSize }: CatalogueListProps) {
  const { tr, locale } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <PublicLayout ctx={ctx} title={tr.t('catalogue.title')}>
      <p className="lead">{tr.t('catalogue.lead')}</p>
      <FilterForm ctx={ctx} filter={filter} associations={associations} />
      <p role="status">{tr.t('catalogue.count', { count: total })}</p>
      {items.length === 0 ? (
        <p>{tr.t('catalogue.empty')}</p>
      ) : (
        <ul className="course-list">
          {items.map((course) => (
            <li key={course.id}>
              <h2>
                <a href={coursePath(course)}>
                  <Localised text={course.title} locale={locale} />
                </a>
              </h2>
              <p className="course-association">{course.associationName}</p>
              {Object.keys(course.summary).length > 0 ? <Localised as="p" text={course.summary} locale={locale} /> : null}
              <CourseFacts ctx={ctx} course={course} />
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav className="pager" aria-label={tr.t('catalogue.pages')}>
          {page > 1 ? (
            <a href={pageHref(filter, page - 1)} rel="prev">
              {tr.t('catalogue.previous')}
            </a>
          ) : null}{' '}
          <span>{tr.t('catalogue.page', { page, pages })}</span>{' '}
          {page < pages ? (
            <a href={pageHref(filter, page + 1)} rel="next">
              {tr.t('catalogue.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </PublicLayout>
  );
}
