import { Type, type TSchema } from '@sinclair/typebox';

/** A reply sent as JSON text prepared beforehand (signed, or cached): documented by `schema`, never re-serialised. */
const prepared = <T extends TSchema>(schema: T) => Type.Unsafe<string>(schema);

export const StatusListParams = Type.Object({
  purpose: Type.Union([Type.Literal('revocation'), Type.Literal('suspension')]),
  number: Type.Integer({ minimum: 1, maximum: 999_999_999 }),
});

const VerificationMethod = Type.Object({
  id: Type.String(),
  type: Type.Literal('Multikey'),
  controller: Type.String(),
  publicKeyMultibase: Type.String(),
});

export const DidDocumentBody = prepared(
  Type.Object(
    {
      '@context': Type.Array(Type.String()),
      id: Type.String({ description: 'did:web of the deployment' }),
      verificationMethod: Type.Array(VerificationMethod, { description: 'Current and retired keys: everything they signed still verifies' }),
      assertionMethod: Type.Array(Type.String()),
    },
    { description: 'DID document of the deployment (did:web)' },
  ),
);

export const StatusListCredentialBody = prepared(
  Type.Object(
    {
      '@context': Type.Array(Type.String()),
      id: Type.String(),
      type: Type.Array(Type.String()),
      issuer: Type.String(),
      validFrom: Type.String({ format: 'date-time' }),
      credentialSubject: Type.Object({
        id: Type.String(),
        type: Type.Literal('BitstringStatusList'),
        statusPurpose: Type.String(),
        encodedList: Type.String({ description: 'GZIP-compressed bits, multibase base64url (prefix u)' }),
        ttl: Type.Integer({ description: 'Milliseconds a verifier may cache the list' }),
      }),
      proof: Type.Object({}, { additionalProperties: true, description: 'DataIntegrityProof, eddsa-rdfc-2022' }),
    },
    { description: 'BitstringStatusListCredential signed by the deployment, exactly as signed' },
  ),
);

export const ServiceDescriptionBody = prepared(
  Type.Object(
    {
      openapi: Type.String(),
      info: Type.Object({}, { additionalProperties: true }),
      components: Type.Object({}, { additionalProperties: true }),
    },
    { additionalProperties: true, description: 'Open Badges 3.0 Service Description Document (a profiled OpenAPI 3.0 document)' },
  ),
);
