/** Ed25519 signing keys for bundles (node:crypto, PEM), and the DSSE envelope a bundle is signed with. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { MANIFEST_PAYLOAD_TYPE, keyId, pae, type Envelope } from '../../runtime/signature.js';

export interface KeyPairPem {
  readonly privateKey: string;
  readonly publicKey: string;
  /** sha256 of the public key (what envelopes and `trustedKeys` name it by). */
  readonly keyid: string;
}

/** A fresh Ed25519 key pair: private key as PKCS#8 PEM, public key as SPKI PEM. */
export function generateKeyPair(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyid: keyId(publicKey),
  };
}

/** The private key in `pem`; throws a TypeError when it is not an Ed25519 private key. */
export function readPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`the signing key must be Ed25519, not ${String(key.asymmetricKeyType)}`);
  return key;
}

/** The DSSE envelope signing `manifest` (its exact bytes) with `privateKey`. */
export function signManifest(manifest: Uint8Array, privateKey: KeyObject): Envelope {
  const signature = sign(null, pae(MANIFEST_PAYLOAD_TYPE, manifest), privateKey);
  return {
    payloadType: MANIFEST_PAYLOAD_TYPE,
    payload: Buffer.from(manifest).toString('base64'),
    signatures: [{ keyid: keyId(createPublicKey(privateKey)), sig: signature.toString('base64') }],
  };
}
