import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage, Loading, Notice } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';
import { useResource } from '../use-resource.js';
import { useCourseFieldLabels } from './CourseForm.js';
import { MaterialsEditor } from './MaterialsEditor.js';
import { filledLocales, pick, type Course } from './types.js';

function noticeFrom(state: unknown): string | null {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return notice === 'saved' || notice === 'created' ? notice : null;
}

export function CourseDetail() {
  const { t, locale, formatNumber, formatDate } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const { associations } = useSession();
  const labels = useCourseFieldLabels();
  const { data, error, reload } = useResource<Course>(`/courses/${id}`);
  const course = data?.id === id ? data : undefined;
  const saved = noticeFrom(location.state);
  const association = associations.find((a) => a.id === course?.associationId);

  const row = (name: string, value: string | null | undefined) => (
    <div key={name}>
      <dt>{labels[name] ?? name}</dt>
      <dd>{value ? value : <span className="muted">{t('web.app.common.not_specified')}</span>}</dd>
    </div>
  );

  return (
    <Page
      title={course ? pick(course.title, locale) : t('web.app.catalogue.detail_title')}
      actions={
        course ? (
          <Link className="button" to={`/catalogue/courses/${course.id}/edit`}>
            {t('web.app.common.edit')}
          </Link>
        ) : null
      }
    >
      <p>
        <Link to="/catalogue">{t('web.app.catalogue.back')}</Link>
      </p>
      <Notice>{saved ? t(`web.app.catalogue.${saved}`) : null}</Notice>
      <ErrorMessage error={error} />
      {!course && !error ? <Loading /> : null}
      {course ? (
        <>
          <dl className="facts">
            {row('code', course.code)}
            {row('status', t(`catalogue.status.${course.status}`))}
            {row('hours', formatNumber(course.hours))}
            {row('cpdCredits', formatNumber(course.cpdCredits))}
            {row('eqfLevel', course.eqfLevel === null ? null : String(course.eqfLevel))}
            {row('competencyAreas', course.competencyAreas.map((a) => t(`catalogue.area.${a}`)).join(', '))}
            {row('sectors', course.sectors.map((s) => t(`web.app.sector.${s}`)).join(', '))}
            {row('title', filledLocales(course.title).map((l) => t(`language.${l}`)).join(', '))}
          </dl>
          {course.status === 'published' && association ? (
            <p>
              <a href={`/catalogue/${association.slug}/${course.slug}`}>{t('web.app.catalogue.public_page')}</a>
            </p>
          ) : (
            <p className="muted">{t('web.app.catalogue.not_public')}</p>
          )}
          {pick(course.summary, locale) ? <p className="lead">{pick(course.summary, locale)}</p> : null}
          {course.learningOutcomes.length > 0 ? (
            <>
              <h2>{labels.learningOutcomes}</h2>
              <ul>
                {course.learningOutcomes.map((o, i) => (
                  <li key={i}>{pick(o, locale)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <MaterialsEditor courseId={course.id} materials={course.materials} onChange={reload} />
          <p className="muted">
            {t('web.app.common.record_dates', { created: formatDate(course.createdAt), updated: formatDate(course.updatedAt) })}
          </p>
        </>
      ) : null}
    </Page>
  );
}
