import { createHash, generateKeyPairSync, verify } from 'node:crypto';

import forge from 'node-forge';

/** A throwaway self-signed RSA certificate and key as a PKCS#12 file: for tests only, never a production key. */
export function throwawayP12(
  passphrase: string,
  options: { commonName?: string; notBefore?: Date; notAfter?: Date } = {},
): { p12: Buffer; certificateSha256: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '0a1b2c3d';
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - 24 * 3600 * 1000);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const subject = [
    { shortName: 'C', value: 'CN' },
    { shortName: 'O', value: '资源县人力资源和社会保障局', valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'CN', value: options.commonName ?? '就业服务码平台测试签章', valueTagClass: forge.asn1.Type.UTF8 },
  ] as forge.pki.CertificateField[];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: 'aes256' });
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), certificateSha256: createHash('sha256').update(der).digest('hex') };
}

export interface PdfSignature {
  byteRange: [number, number, number, number];
  subFilter: string | null;
  /** The bytes the ByteRange covers: the whole file but the /Contents hex string. */
  signedBytes: Buffer;
  /** The DER CMS (trailing zero padding removed). */
  cms: Buffer;
  /** The /Contents value as it sits in the file, `<…>` included. */
  contentsSpan: { start: number; end: number };
}

/** The last signature of a PDF, read back from the raw bytes as a validator would. */
export function lastPdfSignature(pdf: Buffer): PdfSignature {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length === 0) throw new Error('no /ByteRange in the PDF');
  const [a, b, c, d] = ranges[ranges.length - 1].slice(1, 5).map(Number);
  const contents = text.slice(a + b, c);
  if (!/^<[0-9a-fA-F]+>$/.test(contents)) throw new Error('the gap of the ByteRange is not a hex string');
  const der = Buffer.from(contents.slice(1, -1), 'hex');
  return {
    byteRange: [a, b, c, d],
    subFilter: /\/SubFilter\s*\/([\w.]+)/.exec(text.slice(0, a + b))?.[1] ?? null,
    signedBytes: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
    cms: der.subarray(0, derLength(der)),
    contentsSpan: { start: a + b, end: c },
  };
}

/** Length of the DER element at the start of `der` (tag, length octets, content). */
function derLength(der: Buffer): number {
  const first = der[1];
  if (first < 0x80) return 2 + first;
  const octets = first & 0x7f;
  let length = 0;
  for (let i = 0; i < octets; i += 1) length = length * 256 + der[2 + i];
  return 2 + octets + length;
}

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';

/**
 * Verifies a detached CMS SignedData over `content`, in process: the signer must be the
 * certificate it carries (issuer and serial number), the messageDigest signed attribute must
 * be SHA-256(content), and the signature over the DER SET of signed attributes must verify
 * with that certificate's public key.
 */
export function verifyDetachedCms(
  cms: Buffer,
  content: Buffer,
): { valid: boolean; signerIsCertificate: boolean; digestMatches: boolean; signatureValid: boolean; certificateSha256: string } {
  const { asn1 } = forge;
  const root = asn1.fromDer(forge.util.createBuffer(cms.toString('binary')));
  const signedData = ((root.value as forge.asn1.Asn1[])[1].value as forge.asn1.Asn1[])[0];
  const parts = signedData.value as forge.asn1.Asn1[];
  const certificates = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const signerInfos = parts[parts.length - 1];
  const signerInfo = (signerInfos.value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
  const signedAttrs = signerInfo.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const signature = signerInfo[signerInfo.length - 1];
  if (!certificates || !signedAttrs) throw new Error('CMS without certificates or signed attributes');
  const certAsn1 = (certificates.value as forge.asn1.Asn1[])[0];
  const cert = forge.pki.certificateFromAsn1(certAsn1);
  const certDer = Buffer.from(asn1.toDer(certAsn1).getBytes(), 'binary');

  // The signer is named by issuer and serial number: they must be the certificate's, byte for byte.
  const tbs = (certAsn1.value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
  const offset = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const der = (node: forge.asn1.Asn1) => asn1.toDer(node).getBytes();
  const sid = signerInfo[1].value as forge.asn1.Asn1[];
  const signerIsCertificate = der(sid[0]) === der(tbs[offset + 2]) && der(sid[1]) === der(tbs[offset]);

  const attrs = signedAttrs.value as forge.asn1.Asn1[];
  const messageDigest = attrs.find((attr) => asn1.derToOid((attr.value as forge.asn1.Asn1[])[0].value as string) === OID_MESSAGE_DIGEST);
  const digestValue = messageDigest ? (((messageDigest.value as forge.asn1.Asn1[])[1].value as forge.asn1.Asn1[])[0].value as string) : '';
  const digestMatches = Buffer.from(digestValue, 'binary').equals(createHash('sha256').update(content).digest());

  // The signature covers the attributes DER-encoded as a SET (tag 0x31), not as the [0] they are stored as.
  const asSet = Buffer.from(asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attrs)).getBytes(), 'binary');
  const signatureValid = verify('sha256', asSet, forge.pki.publicKeyToPem(cert.publicKey), Buffer.from(signature.value as string, 'binary'));
  return {
    valid: signerIsCertificate && digestMatches && signatureValid,
    signerIsCertificate,
    digestMatches,
    signatureValid,
    certificateSha256: createHash('sha256').update(certDer).digest('hex'),
  };
}
