import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Nullable, Uuid } from '../../platform/http/schema-types.js';
import { PARTNER_ROLES, type PartnerRole } from './projects-repository.js';

const Text = (description?: string) => Type.Unsafe<string | null>({ type: ['string', 'null'], ...(description ? { description } : {}) });

const Translated = (description: string) =>
  Type.Object(
    {
      en: Type.Optional(Type.String()),
      ru: Type.Optional(Type.String()),
      uz: Type.Optional(Type.String()),
      kk: Type.Optional(Type.String()),
      lv: Type.Optional(Type.String()),
    },
    { description, additionalProperties: false },
  );

const Role = Type.Unsafe<PartnerRole>({ type: 'string', enum: [...PARTNER_ROLES], description: 'coordinator, partner or associated' });

export const ProjectParams = Type.Object({ id: Uuid() });

const projectInputProperties = {
  associationId: Uuid(),
  name: Type.Optional(Type.String({ description: 'Required for a new project.' })),
  donor: Type.Optional(Type.String({ description: 'E.g. European Union. Required for a new project.' })),
  programme: Type.Optional(Text('The donor’s funding programme, e.g. Erasmus+ Capacity Building in Higher Education.')),
  agreementNumber: Type.Optional(Text('The grant or contract number.')),
  startsOn: Type.Optional(Text('YYYY-MM-DD')),
  endsOn: Type.Optional(Text('YYYY-MM-DD, not before the start')),
  acknowledgement: Type.Optional(Translated('The statement printed at the end of every public page, document and certificate made under the project, per language.')),
  partners: Type.Optional(
    Type.Array(Type.Object({ organisationId: Uuid({ description: 'An organisation of the same association.' }), role: Type.Optional(Role) }), {
      description: 'Replaces the whole list when given.',
    }),
  ),
};

export const ProjectInput = Type.Object(projectInputProperties);
export const ProjectPatch = Type.Partial(Type.Object(projectInputProperties));
export type ProjectInputBody = Static<typeof ProjectInput>;
export type ProjectPatchBody = Static<typeof ProjectPatch>;

export const Project = Type.Object({
  id: Uuid(),
  associationId: Uuid(),
  name: Type.String(),
  donor: Type.String(),
  programme: Nullable(Type.String()),
  agreementNumber: Nullable(Type.String()),
  startsOn: Nullable(Type.String({ format: 'date' })),
  endsOn: Nullable(Type.String({ format: 'date' })),
  acknowledgement: Translated('Per language'),
  partners: Type.Array(
    Type.Object({
      organisationId: Uuid(),
      name: Type.String(),
      nameLatin: Nullable(Type.String()),
      country: Nullable(Type.String()),
      role: Role,
    }),
  ),
  createdAt: DateTime(),
});

export const ProjectQuery = Type.Object({
  associationId: Type.Optional(Uuid({ description: 'Only this association; default: every association where you are staff.' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name, the donor or the agreement number.' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
});
export type ProjectQueryType = Static<typeof ProjectQuery>;

export const ProjectPage = Type.Object({ items: Type.Array(Project), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
