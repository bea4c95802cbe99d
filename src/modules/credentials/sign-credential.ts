import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { AppError } from '../../platform/errors.js';
import { type JsonObject } from './build-credential.js';
import { documentLoader } from './document-loader.js';
import { type KeySigner } from './key-store.js';

// One suite per signer: building it validates the signer, and issuance signs thousands in a row.
const suites = new WeakMap<KeySigner, DataIntegrityProof>();

function suiteFor(signer: KeySigner): DataIntegrityProof {
  if (signer.algorithm !== 'Ed25519') {
    throw new AppError('internal', { values: { reason: 'eddsa-rdfc-2022 needs an Ed25519 key' } });
  }
  let suite = suites.get(signer);
  if (!suite) {
    suite = new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022 });
    suites.set(signer, suite);
  }
  return suite;
}

/**
 * Adds an embedded DataIntegrityProof (eddsa-rdfc-2022, proofPurpose assertionMethod) made by the
 * reference implementation, with the verification method set to the signer's did:web key id.
 * Contexts come from the bundled offline loader only.
 */
export async function signCredential(credential: JsonObject, signer: KeySigner): Promise<JsonObject> {
  const signed = await vc.issue({ credential: structuredClone(credential), suite: suiteFor(signer), documentLoader });
  return signed as JsonObject;
}
