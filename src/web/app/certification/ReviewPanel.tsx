import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, toApiError, type ApiError } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { CheckboxField, TextField } from '../components/Fields.js';
import { ReasonDialog } from '../events/ReasonDialog.js';
import { useI18n } from '../i18n.js';
import { numberOrText } from './LevelsEditor.js';
import type { Application, Certificate } from './types.js';

type Dialog = 'request_info' | 'approve' | 'reject' | null;

function ExamResultForm({ application }: { application: Application }) {
  const { t } = useI18n();
  const exams = application.requirements.filter((r) => r.kind === 'exam');
  const [examName, setExamName] = useState(exams[0]?.examName ?? '');
  const [score, setScore] = useState('');
  const [passed, setPassed] = useState(true);
  const [takenOn, setTakenOn] = useState(new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.post(`/schemes/${application.scheme.id}/exam-results`, {
        personId: application.applicant.personId,
        levelId: application.level.id,
        examName,
        score: numberOrText(score),
        passed,
        takenOn,
      });
      setSaved(true);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  return (
    <form className="record-form" noValidate onSubmit={(event) => void submit(event)}>
      <h3>{t('web.app.certification.review.exam_title')}</h3>
      <ErrorMessage error={error} />
      {saved ? <p className="alert alert-ok" role="status">{t('web.app.certification.review.exam_saved')}</p> : null}
      <TextField name="examName" label={t('web.app.certification.form.exam_name')} value={examName} onChange={setExamName} error={error?.fields.examName} required />
      <TextField name="score" label={t('web.app.certification.review.score')} value={score} onChange={setScore} error={error?.fields.score} required />
      <CheckboxField name="passed" label={t('web.app.certification.review.passed')} checked={passed} onChange={setPassed} />
      <TextField name="takenOn" type="date" label={t('web.app.certification.review.taken_on')} value={takenOn} onChange={setTakenOn} error={error?.fields.takenOn} required />
      <div className="form-actions">
        <button type="submit" className="secondary">
          {t('web.app.certification.review.exam_save')}
        </button>
      </div>
    </form>
  );
}

/** What a reviewer may do with the application now; staff also issue the certificate of an approved one. */
export function ReviewPanel({ application, canIssue, onChange }: { application: Application; canIssue: boolean; onChange: (next: Application) => void }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<Certificate | null>(null);
  const base = `/applications/${application.id}`;
  const steps = application.steps.filter((s) => s !== 'submit');

  const step = async (path: string, note?: string) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await api.post<Application>(`${base}/${path}`, note === undefined ? {} : { note }));
      setDialog(null);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      setIssued(await api.post<Certificate>(`${base}/certificate`));
      onChange(await api.get<Application>(base));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const dialogText = (key: 'request_info' | 'approve' | 'reject') => ({
    title: t(`web.app.certification.review.${key}`),
    text: t(`web.app.certification.review.${key}_text`),
    label: t(`web.app.certification.review.${key}_note`),
  });

  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{t('web.app.certification.review.panel')}</h2>
      {dialog === null ? <ErrorMessage error={error} /> : null}
      <div className="row-actions">
        {steps.includes('start_review') ? (
          <button type="button" disabled={busy} onClick={() => void step('review')}>
            {t('web.app.certification.review.start')}
          </button>
        ) : null}
        {steps.includes('request_info') ? (
          <button type="button" className="secondary" onClick={() => setDialog('request_info')}>
            {t('web.app.certification.review.request_info')}
          </button>
        ) : null}
        {steps.includes('approve') ? (
          <button type="button" onClick={() => setDialog('approve')}>
            {t('web.app.certification.review.approve')}
          </button>
        ) : null}
        {steps.includes('reject') ? (
          <button type="button" className="danger" onClick={() => setDialog('reject')}>
            {t('web.app.certification.review.reject')}
          </button>
        ) : null}
        {canIssue && application.status === 'approved' && !application.certificate ? (
          <button type="button" disabled={busy} onClick={() => void issue()}>
            {t('web.app.certification.review.issue')}
          </button>
        ) : null}
      </div>
      {issued ? (
        <p className="alert alert-ok" role="status">
          {t('web.app.certification.review.issued', { number: issued.number })} <Link to="/certification/certificates">{t('web.app.certification.certificates.title')}</Link>
        </p>
      ) : null}
      {(['request_info', 'approve', 'reject'] as const).map((key) => (
        <ReasonDialog
          key={key}
          open={dialog === key}
          {...dialogText(key)}
          confirmLabel={t(`web.app.certification.review.${key}`)}
          required={key !== 'approve'}
          busy={busy}
          error={dialog === key ? error : null}
          onConfirm={(note) => void step(key === 'request_info' ? 'request-info' : key, note)}
          onCancel={() => {
            setDialog(null);
            setError(null);
          }}
        />
      ))}
      {application.status === 'in_review' || application.status === 'submitted' ? <ExamResultForm application={application} /> : null}
    </section>
  );
}
