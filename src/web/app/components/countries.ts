import { useMemo } from 'react';
import { useI18n } from '../i18n.js';
import type { Option } from './Fields.js';

/** ISO 3166-1 alpha-2; the names come from the browser in the user's language. */
const CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** The countries the associations work in come first. */
const NEAR = ['UZ', 'KZ', 'LV', 'KG', 'TJ', 'TM'];

function displayNames(tag: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([tag, 'en'], { type: 'region' });
  } catch {
    return null;
  }
}

export function useCountryName(): (code: string | null) => string {
  const { tag } = useI18n();
  return useMemo(() => {
    const names = displayNames(tag);
    return (code: string | null) => (code ? (names?.of(code) ?? code) : '');
  }, [tag]);
}

/** Options for a country select: an empty choice, the region's countries, then all others by name. */
export function useCountryOptions(emptyLabel: string): Option[] {
  const { tag } = useI18n();
  const name = useCountryName();
  return useMemo(() => {
    const collator = new Intl.Collator(tag);
    const rest = CODES.filter((c) => !NEAR.includes(c))
      .map((c) => ({ value: c, label: name(c) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    return [{ value: '', label: emptyLabel }, ...NEAR.map((c) => ({ value: c, label: name(c) })), ...rest];
  }, [tag, name, emptyLabel]);
}
