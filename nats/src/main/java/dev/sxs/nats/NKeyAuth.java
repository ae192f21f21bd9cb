package dev.sxs.nats;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

import io.nats.client.AuthHandler;

/**
 * NKey and credentials-file authentication signed with the JDK's own Ed25519 ({@code java.security}, JDK 15+)
 * instead of jnats' {@code NKey}, which needs Bouncy Castle: the agent jar leaves Bouncy Castle out. Reads a user
 * seed ({@code SU...}: base32, a two-byte prefix, 32 seed bytes, a CRC-16), answers the server's nonce with its
 * Ed25519 signature and gives the user's public key ({@code U...}) or, from a creds file, the user JWT.
 * Immutable after construction; thread-safe.
 */
final class NKeyAuth implements AuthHandler
{
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int PREFIX_SEED = 18 << 3;
    private static final int PREFIX_USER = 20 << 3;
    private static final int KEY_BYTES = 32;
    private static final String JWT_START = "-----BEGIN NATS USER JWT-----";
    private static final String SEED_START = "-----BEGIN USER NKEY SEED-----";

    private final PrivateKey key;
    private final char[] publicKey;
    private final char[] jwt;

    private NKeyAuth(final byte[] seed, final char[] jwt) throws GeneralSecurityException
    {
        this.key = KeyFactory.getInstance("Ed25519").generatePrivate(
            new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        this.publicKey = encode(PREFIX_USER, publicKeyOf(seed));
        this.jwt = jwt;
    }

    /**
     * @param seed a user NKey seed ({@code SU...}).
     * @return the handler for nkey authentication.
     * @throws IllegalArgumentException when the seed is not a valid user seed.
     */
    static NKeyAuth fromSeed(final String seed)
    {
        return create(seed.trim(), null);
    }

    /**
     * @param creds the text of a NATS credentials file (a user JWT and its NKey seed).
     * @return the handler for JWT authentication.
     * @throws IllegalArgumentException when either part is missing or the seed is not valid.
     */
    static NKeyAuth fromCreds(final String creds)
    {
        final String jwt = block(creds, JWT_START);
        final String seed = block(creds, SEED_START);
        if (jwt == null || seed == null)
        {
            throw new IllegalArgumentException("not a NATS credentials file: it needs a user JWT and a user seed");
        }
        return create(seed, jwt.toCharArray());
    }

    private static NKeyAuth create(final String seed, final char[] jwt)
    {
        try
        {
            return new NKeyAuth(decodeSeed(seed), jwt);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("this JDK has no Ed25519 (JDK 15 or newer has): " + ex.getMessage(), ex);
        }
    }

    /** The first non-empty line after the header line {@code start}, or null. */
    private static String block(final String text, final String start)
    {
        final int at = text.indexOf(start);
        if (at < 0)
        {
            return null;
        }
        for (final String line : text.substring(at + start.length()).split("\\R"))
        {
            if (!line.isBlank())
            {
                return line.startsWith("---") ? null : line.trim();
            }
        }
        return null;
    }

    @Override
    public byte[] sign(final byte[] nonce)
    {
        try
        {
            final Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(nonce);
            return signature.sign();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("cannot sign the NATS server's nonce: " + ex.getMessage(), ex);
        }
    }

    @Override
    public char[] getID()
    {
        return publicKey.clone();
    }

    @Override
    public char[] getJWT()
    {
        return jwt == null ? null : jwt.clone();
    }

    /** The public key of a seed: the JDK derives it when the seed comes as the key generator's randomness. */
    private static byte[] publicKeyOf(final byte[] seed) throws GeneralSecurityException
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
        final EdECPublicKey pub = (EdECPublicKey)generator.generateKeyPair().getPublic();
        // RFC 8032 encoding: y little-endian, the parity of x in the top bit of the last byte
        final byte[] bigEndian = pub.getPoint().getY().toByteArray();
        final byte[] out = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES && i < bigEndian.length; i++)
        {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (pub.getPoint().isXOdd())
        {
            out[KEY_BYTES - 1] |= (byte)0x80;
        }
        return out;
    }

    /**
     * @param seed a seed's text.
     * @return its 32 seed bytes.
     * @throws IllegalArgumentException when it is not a user seed with a valid checksum.
     */
    static byte[] decodeSeed(final String seed)
    {
        final byte[] raw = base32Decode(seed);
        if (raw.length != 2 + KEY_BYTES + 2 || crc16(raw, raw.length - 2) != ((raw[raw.length - 2] & 0xff)
            | (raw[raw.length - 1] & 0xff) << 8))
        {
            throw new IllegalArgumentException("not a valid NKey seed");
        }
        final int kind = raw[0] & 0xf8;
        final int type = (raw[0] & 0x07) << 5 | (raw[1] & 0xf8) >> 3;
        if (kind != PREFIX_SEED || type != PREFIX_USER)
        {
            throw new IllegalArgumentException("not a user NKey seed (it should start with SU)");
        }
        return Arrays.copyOfRange(raw, 2, 2 + KEY_BYTES);
    }

    /**
     * @param prefix the key type's prefix byte.
     * @param key    the raw key.
     * @return the key in NKey text (base32 of the prefix, the key and a CRC-16).
     */
    static char[] encode(final int prefix, final byte[] key)
    {
        final byte[] raw = new byte[1 + key.length + 2];
        raw[0] = (byte)prefix;
        System.arraycopy(key, 0, raw, 1, key.length);
        final int crc = crc16(raw, 1 + key.length);
        raw[raw.length - 2] = (byte)crc;
        raw[raw.length - 1] = (byte)(crc >>> 8);
        return base32Encode(raw).toCharArray();
    }

    /**
     * CRC-16/XMODEM (polynomial 0x1021, initial 0), as NKeys use.
     *
     * @param bytes  the bytes.
     * @param length how many of them count.
     * @return the checksum, 0..65535.
     */
    static int crc16(final byte[] bytes, final int length)
    {
        int crc = 0;
        for (int i = 0; i < length; i++)
        {
            crc ^= (bytes[i] & 0xff) << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? crc << 1 ^ 0x1021 : crc << 1;
            }
            crc &= 0xffff;
        }
        return crc;
    }

    private static byte[] base32Decode(final String text)
    {
        final byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final int value = BASE32.indexOf(text.charAt(i));
            if (value < 0)
            {
                throw new IllegalArgumentException("not a valid NKey seed");
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                out[n++] = (byte)(buffer >> bits);
            }
        }
        return out;
    }

    private static String base32Encode(final byte[] bytes)
    {
        final StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (final byte b : bytes)
        {
            buffer = buffer << 8 | (b & 0xff);
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                out.append(BASE32.charAt(buffer >> bits & 0x1f));
            }
        }
        if (bits > 0)
        {
            out.append(BASE32.charAt(buffer << (5 - bits) & 0x1f));
        }
        return out.toString();
    }

    /** Gives the seed as the key generator's randomness, once. */
    private static final class FixedRandom extends SecureRandom
    {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedRandom(final byte[] seed)
        {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(final byte[] bytes)
        {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
