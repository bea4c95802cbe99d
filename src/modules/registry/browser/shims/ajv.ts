import { credential, status } from 'virtual:ob3-validators';

/**
 * Stands in for Ajv in the browser bundle: the page's Content-Security-Policy forbids compiling
 * code at run time, so the OB 3.0 schema validators are compiled when the bundle is built
 * (ajv standalone code) and handed out here as ob3-schema.ts asks for them.
 */
export class Ajv2019 {
  compile(): typeof credential {
    return credential;
  }

  getSchema(ref: string): typeof status | undefined {
    return ref.endsWith('#/$defs/CredentialStatus') ? status : undefined;
  }
}

export default Ajv2019;
