import { PublicLayout, type PageContext } from '../../../web/server/layout.js';
import { pickTranslation } from '../../../platform/i18n/translated.js';
import { materialDownloadUrl } from '../material-routes.js';
import type { MaterialRow, PublicCourseDetail } from '../repository.js';
import type { UpcomingSessionItem } from '../upcoming-sessions.js';
import { CourseFacts } from './catalogue-list.js';
import { Localised, Paragraphs } from './localised.js';

export interface CoursePageProps {
  ctx: PageContext;
  course: PublicCourseDetail;
  materials: MaterialRow[];
  /** Null when no module lists sessions: the page then has no sessions section at all. */
  sessions: UpcomingSessionItem[] | null;
}

function fileSize(ctx: PageContext, bytes: number): string {
  return bytes >= 1024 * 1024
    ? ctx.tr.t('catalogue.course.megabytes', { size: Math.round((bytes / 1024 / 1024) * 10) / 10 })
    : ctx.tr.t('catalogue.course.kilobytes', { size: Math.max(1, Math.round(bytes / 1024)) });
}

function Materials({ ctx, materials }: { ctx: PageContext; materials: MaterialRow[] }) {
  const { tr, locale } = ctx;
  return (
    <section aria-labelledby="materials-heading">
      <h2 id="materials-heading">{tr.t('catalogue.course.materials')}</h2>
      <ul className="materials">
        {materials.map((m) => (
          <li key={m.id}>
            {m.kind === 'link' && m.url ? (
              <a href={m.url} rel="noopener noreferrer external">
                <Localised text={m.title} locale={locale} />
              </a>
            ) : (
              <>
                <a href={materialDownloadUrl(m.courseId, m.id)} download>
                  <Localised text={m.title} locale={locale} />
                </a>{' '}
                <span className="muted">
                  ({(m.fileName?.split('.').pop() ?? '').toUpperCase()}, {fileSize(ctx, m.size ?? 0)})
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Sessions({ ctx, sessions }: { ctx: PageContext; sessions: UpcomingSessionItem[] }) {
  const { tr } = ctx;
  return (
    <section aria-labelledby="sessions-heading" className="upcoming-sessions">
      <h2 id="sessions-heading">{tr.t('catalogue.course.sessions')}</h2>
      {sessions.length === 0 ? (
        <p>{tr.t('catalogue.course.no_sessions')}</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li key={s.href}>
              <a href={s.href}>{s.label}</a>
              {s.details.length > 0 ? <span className="muted"> · {s.details.join(' · ')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Everything a prospective participant wants to know of a course, in their language where it exists. */
export function CoursePage({ ctx, course, materials, sessions }: CoursePageProps) {
  const { tr, locale } = ctx;
  const prerequisites = pickTranslation(course.prerequisites, locale);
  return (
    <PublicLayout ctx={ctx} title={pickTranslation(course.title, locale)}>
      <p className="course-association">
        {course.associationName}
        {course.programmeTitle ? (
          <>
            {' · '}
            {tr.t('catalogue.facts.programme')}: <Localised text={course.programmeTitle} locale={locale} />
          </>
        ) : null}
      </p>
      <CourseFacts ctx={ctx} course={course} />
      <div className="lead">
        <Paragraphs text={course.summary} locale={locale} />
      </div>
      {sessions ? <Sessions ctx={ctx} sessions={sessions} /> : null}
      {course.learningOutcomes.length > 0 ? (
        <section aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading">{tr.t('catalogue.course.outcomes')}</h2>
          <ul>
            {course.learningOutcomes.map((outcome, i) => (
              <Localised key={i} as="li" text={outcome} locale={locale} />
            ))}
          </ul>
        </section>
      ) : null}
      {prerequisites ? (
        <section aria-labelledby="prerequisites-heading">
          <h2 id="prerequisites-heading">{tr.t('catalogue.course.prerequisites')}</h2>
          <Paragraphs text={course.prerequisites} locale={locale} />
        </section>
      ) : null}
      {course.competencyAreas.length > 0 || course.sectors.length > 0 ? (
        <section aria-labelledby="areas-heading">
          <h2 id="areas-heading">{tr.t('catalogue.course.areas_and_sectors')}</h2>
          <dl className="facts">
            {course.competencyAreas.length > 0 ? (
              <div>
                <dt>{tr.t('catalogue.course.areas')}</dt>
                <dd>{course.competencyAreas.map((a) => tr.t(`catalogue.area.${a}`)).join(', ')}</dd>
              </div>
            ) : null}
            {course.sectors.length > 0 ? (
              <div>
                <dt>{tr.t('catalogue.course.sectors')}</dt>
                <dd>{course.sectors.map((s) => tr.t(`people.sector.${s}`)).join(', ')}</dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}
      {course.escoSkills.length > 0 ? (
        <section aria-labelledby="esco-heading">
          <h2 id="esco-heading">{tr.t('catalogue.course.esco')}</h2>
          <ul>
            {course.escoSkills.map((skill) => (
              <li key={skill.uri}>
                <a href={skill.uri} rel="noopener noreferrer external">
                  {skill.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {materials.length > 0 ? <Materials ctx={ctx} materials={materials} /> : null}
      <p>
        <a href="/catalogue">{tr.t('catalogue.course.back')}</a>
      </p>
    </PublicLayout>
  );
}
