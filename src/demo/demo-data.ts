/** The demo data set, modelled on EU-funded capacity building for engineers in Central Asia. */
export const DEMO_ASSOCIATIONS = [
  {
    key: 'uz',
    values: {
      slug: 'acec-uz',
      name: 'Association of Consulting Engineers of Uzbekistan',
      shortName: 'ACEC-UZ',
      country: 'UZ',
      defaultLocale: 'uz',
      timeZone: 'Asia/Tashkent',
    },
  },
  {
    key: 'kz',
    values: {
      slug: 'kwsa-kz',
      name: 'Kazakhstan Water Supply and Sanitation Association',
      shortName: 'KWSA',
      country: 'KZ',
      defaultLocale: 'kk',
      timeZone: 'Asia/Almaty',
    },
  },
  {
    key: 'lv',
    values: {
      slug: 'cleantech-lv',
      name: 'Latvian Clean Technology Cluster',
      shortName: 'CleanTech Latvia',
      country: 'LV',
      defaultLocale: 'lv',
      timeZone: 'Europe/Riga',
    },
  },
] as const;

export const DEMO_PROJECT = {
  associationKey: 'uz',
  values: {
    name: 'ENGINE — Engineering capacity for green water and heat in Central Asia',
    donor: 'European Union',
    programme: 'Erasmus+ Capacity Building in Higher Education',
    agreementNumber: '101082915',
    startsOn: '2023-01-01',
    endsOn: '2026-12-31',
  },
};
