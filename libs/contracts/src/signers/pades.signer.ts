import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { Logger } from '@nestjs/common';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';

import { ConfigError } from '@jobcode/common';

import { type ContractSigner, ContractSignerKind, type SealedPdf, type SealRecord } from './contract-signer';

const FILE_SETTING = 'CONTRACT_SIGNING_P12';
const PASSPHRASE_SETTING = 'CONTRACT_SIGNING_P12_PASSPHRASE';

/** The signing certificate as recorded in SEALED events and shown to whoever checks the signature. */
export interface SigningCertificate {
  subject: string;
  commonName: string;
  sha256: string;
  notBefore: Date;
  notAfter: Date;
}

/**
 * Seals with a PDF signature made with the county's certificate: an incremental update to the
 * rendered PDF (the rendered bytes stay as they are, in front) adds a signature field whose
 * ByteRange covers the whole file but the signature itself, and a detached CMS (PKCS#7)
 * SignedData over those bytes, SHA-256 with RSA, carrying the certificate.
 *
 * SubFilter `adbe.pkcs7.detached` (ISO 32000-1 §12.8.3.3, the PAdES part 2 profile), not
 * `ETSI.CAdES.detached`: node-forge cannot add the ESS signing-certificate-v2 attribute that
 * PAdES baseline (ETSI EN 319 142-1, B-B) requires for that SubFilter.
 */
export class PadesSigner implements ContractSigner {
  readonly kind = ContractSignerKind.PADES;
  private readonly logger = new Logger('PadesSigner');

  private constructor(
    private readonly cms: CmsSigner,
    readonly certificate: SigningCertificate,
    private readonly signatureLength: number,
  ) {}

  /**
   * Opens the .p12 and proves it can sign (a trial signature), or throws ConfigError naming the
   * setting at fault: the service does not start with a certificate it cannot use.
   */
  static async open(file: string, passphrase: string, now = new Date()): Promise<PadesSigner> {
    let p12: Buffer;
    try {
      p12 = readFileSync(file);
    } catch (error) {
      throw new ConfigError([`${FILE_SETTING}=${JSON.stringify(file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
    }
    const { cms, certificate } = PadesSigner.read(p12, file, passphrase);
    if (certificate.notAfter.getTime() <= now.getTime()) {
      throw new ConfigError([`${FILE_SETTING}=${JSON.stringify(file)}: the certificate expired on ${certificate.notAfter.toISOString()}`]);
    }
    if (certificate.notBefore.getTime() > now.getTime()) {
      throw new ConfigError([`${FILE_SETTING}=${JSON.stringify(file)}: the certificate is valid only from ${certificate.notBefore.toISOString()}`]);
    }
    let trial: Buffer;
    try {
      trial = await cms.sign(Buffer.from('jobcode signing probe'), now);
    } catch (error) {
      throw new ConfigError([`${FILE_SETTING}=${JSON.stringify(file)}: cannot sign with it (${(error as Error).message})`]);
    }
    // Room for the CMS in the placeholder: the trial's size (same certificates, same attributes) and a margin.
    const signatureLength = Math.ceil((trial.length + 1024) / 1024) * 1024;
    return new PadesSigner(cms, certificate, signatureLength);
  }

  /** The private key, the certificate that matches it, and the other certificates (the chain) of the .p12. */
  private static read(p12: Buffer, file: string, passphrase: string): { cms: CmsSigner; certificate: SigningCertificate } {
    const where = `${FILE_SETTING}=${JSON.stringify(file)}`;
    let parsed: forge.pkcs12.Pkcs12Pfx;
    try {
      parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, passphrase);
    } catch (error) {
      const message = (error as Error).message;
      if (/MAC could not be verified|Invalid password/i.test(message)) {
        throw new ConfigError([`${PASSPHRASE_SETTING}: does not open ${FILE_SETTING} (wrong passphrase)`]);
      }
      throw new ConfigError([`${where}: is not a PKCS#12 (.p12/.pfx) file (${message})`]);
    }
    const keyBag = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0];
    const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
    if (!key?.n) throw new ConfigError([`${where}: holds no password-protected RSA private key`]);
    const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).flatMap((bag) => (bag.cert ? [bag.cert] : []));
    const cert = certs.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
    });
    if (!cert) throw new ConfigError([`${where}: holds no certificate for its private key`]);
    const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
    const attributes = cert.subject.attributes.map((a) => ({ name: a.shortName ?? a.name ?? a.type ?? '?', value: attributeText(a) }));
    const certificate = {
      subject: [...attributes]
        .reverse()
        .map((a) => `${a.name}=${a.value}`)
        .join(','),
      commonName: attributes.find((a) => a.name === 'CN')?.value ?? '',
      sha256: createHash('sha256').update(der).digest('hex'),
      notBefore: cert.validity.notBefore,
      notAfter: cert.validity.notAfter,
    };
    return { cms: new CmsSigner(key, cert, certs), certificate };
  }

  get record(): SealRecord {
    return {
      signer: this.kind,
      subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
      certificateSubject: this.certificate.subject,
      certificateSha256: this.certificate.sha256,
    };
  }

  async seal(pdf: Buffer, facts: { contractId: string; sealedAt: Date }): Promise<SealedPdf> {
    const { notBefore, notAfter } = this.certificate;
    if (facts.sealedAt.getTime() >= notAfter.getTime() || facts.sealedAt.getTime() < notBefore.getTime()) {
      // A signature by a certificate out of its validity would show as invalid; the contract still takes effect,
      // sealed by the digest and the chain, and the event records that truthfully.
      this.logger.error(
        `The contract signing certificate (${this.certificate.subject}) is valid only from ${notBefore.toISOString()} to ${notAfter.toISOString()}: contract ${facts.contractId} sealed by digest and chain only. Replace CONTRACT_SIGNING_P12 and restart.`,
      );
      return { pdf, record: { signer: ContractSignerKind.DIGEST_AND_CHAIN } };
    }
    // ASCII only: @signpdf/placeholder-plain writes other text as mangled UTF-16 (and /App /Name is a PDF name).
    // Viewers show the signer from the certificate, which may be Chinese.
    const withPlaceholder = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: `Labour contract ${facts.contractId} signed by both parties and sealed`,
      contactInfo: '',
      name: /^[\x20-\x7e]*$/.test(this.certificate.commonName) ? this.certificate.commonName : '',
      location: '',
      signingTime: facts.sealedAt,
      signatureLength: this.signatureLength,
      subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
      appName: 'Jobcode',
    });
    const signed = await new SignPdf().sign(withPlaceholder, this.cms, facts.sealedAt);
    return { pdf: signed, record: this.record };
  }
}

/** An attribute's text: forge keeps UTF8String values as their UTF-8 bytes (its typings call the ASN.1 type `valueTagClass` a class). */
function attributeText(attribute: forge.pki.CertificateField): string {
  const value = String(attribute.value ?? '');
  return Number(attribute.valueTagClass) === Number(forge.asn1.Type.UTF8) ? forge.util.decodeUtf8(value) : value;
}

/**
 * A detached CMS SignedData over the bytes @signpdf hands it: SHA-256, signed attributes
 * content-type, signing-time and message-digest, every certificate of the .p12 included.
 * What @signpdf/signer-p12 does, but with the key parsed once at boot, and with the signer's
 * issuer encoded right: node-forge keeps a parsed UTF8String as its UTF-8 bytes and encodes
 * them to UTF-8 again, so a certificate with a Chinese issuer name got an issuerAndSerialNumber
 * that matches no certificate (OpenSSL: "signer certificate not found").
 */
class CmsSigner extends Signer {
  private readonly issuer: forge.pki.CertificateField[];

  constructor(
    private readonly key: forge.pki.rsa.PrivateKey,
    private readonly cert: forge.pki.Certificate,
    private readonly certificates: forge.pki.Certificate[],
  ) {
    super();
    this.issuer = cert.issuer.attributes.map((a) => ({ ...a, value: attributeText(a) }));
  }

  override sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content.toString('binary'));
    for (const certificate of this.certificates) p7.addCertificate(certificate);
    // forge takes the issuer and serial from `certificate` when given one; here they come decoded.
    const signer = { key: this.key, issuer: this.issuer, serialNumber: this.cert.serialNumber, digestAlgorithm: forge.pki.oids.sha256 };
    p7.addSigner({
      ...(signer as unknown as { key: forge.pki.rsa.PrivateKey; certificate: forge.pki.Certificate; digestAlgorithm: string }),
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Promise.resolve(Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary'));
  }
}
