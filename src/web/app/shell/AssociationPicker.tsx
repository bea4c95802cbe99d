import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';

/** Which association's records the app shows and creates; remembered in this browser. */
export function AssociationPicker() {
  const { t } = useI18n();
  const { associations, association, chooseAssociation } = useSession();
  if (!association) return null;
  if (associations.length === 1) {
    return (
      <p className="header-control current-association">
        <span className="label">{t('web.app.association.label')}</span> <span title={association.name}>{association.shortName}</span>
      </p>
    );
  }
  return (
    <div className="header-control">
      <label htmlFor="association-select">{t('web.app.association.label')}</label>
      <select id="association-select" value={association.id} onChange={(event) => chooseAssociation(event.target.value)}>
        {associations.map((a) => (
          <option key={a.id} value={a.id} title={a.name}>
            {a.shortName}
          </option>
        ))}
      </select>
    </div>
  );
}
