import forge from 'node-forge';

/** The agency's key and certificate, read once from its PKCS#12 file. */
export interface SigningIdentity {
  privateKey: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  /** Every certificate of the file (the signer's and its CA chain), embedded in each signature. */
  chain: forge.pki.Certificate[];
  /** The certificate's common name, as people read it. */
  signerName: string;
}

export class SigningIdentityError extends Error {}

/** The UTF8String tag; forge's types call the tag of a name value a `Class`. */
export const UTF8_STRING = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

export function readPkcs12(bytes: Buffer, passphrase: string, now: Date): SigningIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytes.toString('binary')), false, passphrase);
  } catch {
    throw new SigningIdentityError('is not a PKCS#12 file that SIGNING_CERT_PASSPHRASE opens');
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ??
      []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const privateKey = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new SigningIdentityError('holds no private key');
  const chain = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  const certificate = chain.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.equals(privateKey.n) && publicKey.e?.equals(privateKey.e);
  });
  if (!certificate) throw new SigningIdentityError('holds no certificate of its private key');
  if (certificate.validity.notAfter < now) {
    throw new SigningIdentityError(
      `holds a certificate that expired on ${certificate.validity.notAfter.toISOString()}`,
    );
  }
  return { privateKey, certificate, chain, signerName: commonName(certificate) };
}

/**
 * forge keeps the raw bytes of a UTF8String name but encodes its value again when it writes one:
 * names are decoded here, once, so a Vietnamese name reads right and is written back unchanged.
 */
export function decodedAttributes(attributes: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attributes.map((attribute) =>
    attribute.valueTagClass === UTF8_STRING && typeof attribute.value === 'string'
      ? { ...attribute, value: forge.util.decodeUtf8(attribute.value) }
      : attribute,
  );
}

function commonName(certificate: forge.pki.Certificate): string {
  const [name] = decodedAttributes(certificate.subject.attributes).filter(
    (attribute) => attribute.shortName === 'CN',
  );
  return typeof name?.value === 'string' && name.value ? name.value : 'unnamed certificate';
}
