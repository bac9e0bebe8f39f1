package io.quanzi.offer.coupon;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Coupon codes: 100 random bits from {@link SecureRandom}, written as 20 Crockford base-32
 * characters in groups of four ({@code 7K3M-XQ9D-...}); no I, L, O or U to misread. Uniqueness is
 * enforced by a unique index, a collision (about 2^-50 at a million coupons) simply draws again.
 */
@Component
class CouponCodes {

    static final int BITS = 100;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[(BITS + 7) / 8];
        random.nextBytes(bytes);
        StringBuilder code = new StringBuilder(24);
        int bits = 0;
        int buffer = 0;
        int written = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && written < BITS / 5) {
                bits -= 5;
                if (written > 0 && written % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET[(buffer >>> bits) & 31]);
                written++;
            }
        }
        return code.toString();
    }
}
