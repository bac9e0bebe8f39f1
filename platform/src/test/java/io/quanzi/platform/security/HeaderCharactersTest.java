package io.quanzi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The checks give the same answer as the expressions of Spring Security's strict firewall, for every character. */
class HeaderCharactersTest {

    /** StrictServerWebExchangeFirewall's expressions (Spring Security 7.1), copied as the reference to compare with. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointAloneAndBetweenPrintableText() {
        List<String> differ = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = new String(Character.toChars(codePoint));
            compare(alone, differ);
            if (codePoint < 0x3000 || codePoint % 7 == 0) {
                compare("Bearer ab" + alone + "cd", differ);
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void randomStringsAndLoneSurrogates() {
        Random random = new Random(42);
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(
                        switch (random.nextInt(4)) {
                            case 0 -> (char) (0x20 + random.nextInt(0x5F));
                            case 1 -> (char) random.nextInt(0x20);
                            case 2 -> (char) (0xD800 + random.nextInt(0x800)); // surrogates, paired or not
                            default -> (char) random.nextInt(0x10000);
                        });
            }
            compare(text.toString(), differ);
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void readableExamples() {
        assertThat(HeaderCharacters.isAllowedHeaderValue("Bearer eyJhbGciOi.J9-_~+/="))
                .isTrue();
        assertThat(HeaderCharacters.isAllowedHeaderValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.isAllowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.isAllowedHeaderValue("a\u0000b")).isFalse();
        assertThat(HeaderCharacters.isAllowedHeaderValue("a\u007Fb")).isFalse();
        assertThat(HeaderCharacters.isAllowedHeaderValue("会员 ✓")).isTrue();
        assertThat(HeaderCharacters.isAllowedHeaderValue("\u0378"))
                .as("unassigned")
                .isFalse();
        assertThat(HeaderCharacters.isAllowedHeaderValue(null)).isTrue();
    }

    private static void compare(String text, List<String> differ) {
        if (HeaderCharacters.isAllowedName(text) != NAMES.matcher(text).matches()) {
            differ.add("name " + describe(text));
        }
        if (HeaderCharacters.isAllowedHeaderValue(text)
                != HEADER_VALUES.matcher(text).matches()) {
            differ.add("value " + describe(text));
        }
    }

    private static String describe(String text) {
        return text.codePoints().mapToObj(Integer::toHexString).toList().toString();
    }
}
