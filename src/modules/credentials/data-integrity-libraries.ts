import type { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import type { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type * as vcLibrary from '@digitalbazaar/vc';
import type jsonldSignatures from 'jsonld-signatures';

export interface DataIntegrityLibraries {
  DataIntegrityProof: typeof DataIntegrityProof;
  eddsaRdfc2022: typeof cryptosuite;
  vc: typeof vcLibrary;
  jsigs: typeof jsonldSignatures;
}

let loading: Promise<DataIntegrityLibraries> | null = null;

/**
 * The reference Data Integrity libraries, with jsonld and an HTTP client behind them (some 250
 * files), loaded by the first credential signed or verified rather than by every start of the
 * server or of a command.
 */
export function dataIntegrityLibraries(): Promise<DataIntegrityLibraries> {
  loading ??= Promise.all([
    import('@digitalbazaar/data-integrity'),
    import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    import('@digitalbazaar/vc'),
    import('jsonld-signatures'),
  ]).then(
    ([dataIntegrity, eddsa, vc, jsigs]) => ({ DataIntegrityProof: dataIntegrity.DataIntegrityProof, eddsaRdfc2022: eddsa.cryptosuite, vc, jsigs: jsigs.default }),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
