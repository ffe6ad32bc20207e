/**
 * Bundle signatures: a DSSE envelope (https://github.com/secure-systems-lab/dsse) whose payload
 * is the exact bytes of the bundle's manifest.json, signed with Ed25519 over DSSE's
 * pre-authentication encoding. The manifest lists the sha256 of every other file, so one
 * signature covers the whole bundle.
 *
 * Which keys are trusted is the loader's configuration, never the bundle's: the envelope names
 * a key id only to pick among keys the caller already trusts.
 */
import { KeyObject, createHash, createPublicKey, verify } from 'node:crypto';
import { OptionError, PolicyLoadError } from './errors.js';

/** The envelope's payload type: a qingdan bundle manifest, JSON. */
export const MANIFEST_PAYLOAD_TYPE = 'application/vnd.qingdan.manifest+json';

/** The envelope's file name inside a bundle. */
export const ENVELOPE_FILE = 'manifest.dsse.json';

export interface EnvelopeSignature {
  /** sha256 (hex) of the signer's public key, DER SubjectPublicKeyInfo. */
  readonly keyid: string;
  /** base64 Ed25519 signature over PAE(payloadType, payload). */
  readonly sig: string;
}

export interface Envelope {
  readonly payloadType: string;
  /** base64 of the manifest bytes. */
  readonly payload: string;
  readonly signatures: readonly EnvelopeSignature[];
}

/** A public key as PEM text or a KeyObject. */
export type TrustedKey = string | KeyObject;

/** DSSE's pre-authentication encoding: "DSSEv1 <len> <type> <len> <body>", lengths in ASCII decimal bytes. */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/** The key id of an Ed25519 public key: sha256 (hex) of its DER SubjectPublicKeyInfo. */
export function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** The trusted keys by key id; throws an OptionError (a TypeError) on anything that is not an Ed25519 public key. */
export function trustKeys(keys: readonly TrustedKey[]): Map<string, KeyObject> {
  const byId = new Map<string, KeyObject>();
  for (const key of keys) {
    const object = typeof key === 'string' ? publicKeyOf(key) : key instanceof KeyObject ? (key.type === 'private' ? createPublicKey(key) : key) : undefined;
    if (object === undefined) throw new OptionError('trustedKeys', `a trusted key must be PEM text or a KeyObject, not ${typeof key}`);
    if (object.asymmetricKeyType !== 'ed25519') throw new OptionError('trustedKeys', `a trusted key must be Ed25519, not ${String(object.asymmetricKeyType)}`);
    byId.set(keyId(object), object);
  }
  return byId;
}

/** The public key a PEM text holds; an OptionError, as for a key of another type, when it holds none. */
function publicKeyOf(pem: string): KeyObject {
  try {
    return createPublicKey(pem);
  } catch (e) {
    throw new OptionError('trustedKeys', `a trusted key must be an Ed25519 public key in PEM, and this text is none (${(e as Error).message})`);
  }
}

/** The envelope in `bytes`, checked for shape; throws signature-malformed or signature-stripped. */
function parseEnvelope(bytes: Uint8Array): Envelope {
  let envelope: Envelope;
  try {
    envelope = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as Envelope;
  } catch {
    throw new PolicyLoadError(`${ENVELOPE_FILE} is not valid JSON`, 'signature-malformed');
  }
  const wellFormed =
    typeof envelope === 'object' &&
    envelope !== null &&
    envelope.payloadType === MANIFEST_PAYLOAD_TYPE &&
    typeof envelope.payload === 'string' &&
    Array.isArray(envelope.signatures) &&
    envelope.signatures.every((s) => typeof s === 'object' && s !== null && typeof s.keyid === 'string' && typeof s.sig === 'string');
  if (!wellFormed) throw new PolicyLoadError(`${ENVELOPE_FILE} is not a DSSE envelope of a qingdan manifest`, 'signature-malformed');
  if (envelope.signatures.length === 0) throw new PolicyLoadError(`${ENVELOPE_FILE} carries no signature`, 'signature-stripped');
  return envelope;
}

/**
 * Verifies the envelope against the trusted keys and returns the signed manifest bytes.
 * Throws PolicyLoadError: signature-missing (no envelope), signature-stripped,
 * signature-malformed, signature-unknown-key (no signature by a trusted key) or
 * signature-invalid (a trusted key's signature does not verify).
 */
export function verifyEnvelope(bytes: Uint8Array | undefined, trusted: ReadonlyMap<string, KeyObject>): Buffer {
  if (!bytes) throw new PolicyLoadError(`the bundle is not signed (no ${ENVELOPE_FILE}) and this loader trusts only signed bundles`, 'signature-missing');
  const envelope = parseEnvelope(bytes);
  const payload = Buffer.from(envelope.payload, 'base64');
  if (payload.toString('base64') !== envelope.payload) throw new PolicyLoadError(`${ENVELOPE_FILE}'s payload is not canonical base64`, 'signature-malformed');
  const message = pae(envelope.payloadType, payload);
  let byTrustedKey = false;
  for (const signature of envelope.signatures) {
    const key = trusted.get(signature.keyid);
    if (!key) continue;
    byTrustedKey = true;
    if (verify(null, message, key, Buffer.from(signature.sig, 'base64'))) return payload;
  }
  if (!byTrustedKey) {
    throw new PolicyLoadError(`the bundle is signed only by keys this loader does not trust (${envelope.signatures.map((s) => s.keyid.slice(0, 16)).join(', ')})`, 'signature-unknown-key');
  }
  throw new PolicyLoadError('the bundle’s signature does not verify against the trusted key', 'signature-invalid');
}
