package com.peaktrade.obs.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and keys (a Docker TLS setup, a CA for https endpoints, a client certificate) with the JDK alone (BouncyCastle costs ~14 MB of jar).
 * The JDK reads PKCS#8 keys ({@code BEGIN PRIVATE KEY}, OpenSSL 3) natively; PKCS#1 RSA keys
 * ({@code BEGIN RSA PRIVATE KEY}, OpenSSL 1.x) and SEC1 EC keys ({@code BEGIN EC PRIVATE KEY}) are
 * the same key without PKCS#8's algorithm header, so they are wrapped in one and read the same way.
 */
public final class PemKeys {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
    /** DER of the OIDs PKCS#8 names the key algorithm with. */
    private static final byte[] RSA_ENCRYPTION = hex("06092a864886f70d010101");
    private static final byte[] EC_PUBLIC_KEY = hex("06072a8648ce3d0201");
    private static final byte[] DER_NULL = {0x05, 0x00};

    private PemKeys() {
    }

    /** Every certificate in the text (a CA file may hold a chain). */
    public static List<X509Certificate> certificates(String pem) throws CertificateException {
        var factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certs = factory.generateCertificates(
                new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).stream()
                .map(X509Certificate.class::cast).toList();
        if (certs.isEmpty()) {
            throw new CertificateException("no certificate (no BEGIN CERTIFICATE block)");
        }
        return certs;
    }

    /** The first private key in the text, in any of the three forms. */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            String type = block.group(1);
            String body = block.group(2);
            if (body.contains("ENCRYPTED") || type.equals("ENCRYPTED PRIVATE KEY")) {
                throw new GeneralSecurityException("the key is encrypted with a passphrase; TLS key files must not be "
                        + "(decrypt it: openssl pkey -in key.pem -out key.pem)");
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new GeneralSecurityException("the " + type + " block is not valid base64");
            }
            switch (type) {
                case "PRIVATE KEY":
                    return fromPkcs8(der, "RSA", "EC", "Ed25519", "Ed448");
                case "RSA PRIVATE KEY":
                    return fromPkcs8(pkcs8(seq(RSA_ENCRYPTION, DER_NULL), der), "RSA");
                case "EC PRIVATE KEY":
                    return fromPkcs8(pkcs8(seq(EC_PUBLIC_KEY, curveOf(der)), der), "EC");
                default:
                    // e.g. "EC PARAMETERS" in front of an EC key: not the key itself
            }
        }
        throw new GeneralSecurityException("no private key (expected BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
    }

    private static PrivateKey fromPkcs8(byte[] pkcs8, String... algorithms) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("the private key cannot be read: " + last.getMessage(), last);
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, OCTET STRING key }. */
    private static byte[] pkcs8(byte[] algorithmIdentifier, byte[] key) {
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithmIdentifier, tlv(0x04, key)));
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    /**
     * The named curve of a SEC1 key: ECPrivateKey ::= SEQUENCE { version, OCTET STRING key,
     * [0] curve OID, [1] public key }. OpenSSL always writes [0].
     */
    static byte[] curveOf(byte[] sec1) throws GeneralSecurityException {
        Der outer = new Der(sec1, 0);
        if (outer.tag != 0x30) {
            throw new GeneralSecurityException("the EC key is not a DER sequence");
        }
        int at = outer.contentStart;
        while (at < outer.end) {
            Der field = new Der(sec1, at);
            if (field.tag == 0xa0) {
                Der oid = new Der(sec1, field.contentStart);
                return java.util.Arrays.copyOfRange(sec1, field.contentStart, oid.end);
            }
            at = field.end;
        }
        throw new GeneralSecurityException("the EC key does not name its curve");
    }

    /** One DER tag-length-value starting at {@code start} (lengths up to 4 bytes). */
    private static final class Der {
        final int tag;
        final int contentStart;
        final int end;

        Der(byte[] der, int start) throws GeneralSecurityException {
            if (start + 2 > der.length) {
                throw new GeneralSecurityException("truncated DER");
            }
            tag = der[start] & 0xff;
            int length = der[start + 1] & 0xff;
            int at = start + 2;
            if (length > 0x80) {
                int bytes = length - 0x80;
                if (bytes > 4 || at + bytes > der.length) {
                    throw new GeneralSecurityException("bad DER length");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[at++] & 0xff);
                }
            }
            contentStart = at;
            end = at + length;
            if (end > der.length || length < 0) {
                throw new GeneralSecurityException("truncated DER");
            }
        }
    }

    private static byte[] tlv(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 + bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
