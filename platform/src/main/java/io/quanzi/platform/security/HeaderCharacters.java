package io.quanzi.platform.security;

/**
 * The characters Spring Security's {@code StrictServerWebExchangeFirewall} lets through in header names and values
 * and in parameter names, checked without its regular expressions: every code point assigned in Unicode and not a
 * control character ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), a tab allowed in header values as well. The rules
 * are the firewall's own; only the way of checking differs. Each request's headers go through them, the 1 KB bearer
 * token among them, and the expressions took 3-5 % of every app's CPU per request (docs/benchmarks.md, tenth look).
 * A null (no such header) passes, as it does there.
 */
public final class HeaderCharacters {

    private HeaderCharacters() {}

    /** A header name or a parameter name: assigned, not a control character. */
    public static boolean isAllowedName(String name) {
        return allowed(name, false);
    }

    /** A header value: assigned, not a control character, except the tab. */
    public static boolean isAllowedHeaderValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        if (text == null) {
            return true;
        }
        int length = text.length();
        int index = 0;
        while (index < length) {
            char c = text.charAt(index);
            if (c >= 0x20 && c < 0x7F) { // printable ASCII, what nearly every header is made of
                index++;
                continue;
            }
            int codePoint = text.codePointAt(index);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            index += Character.charCount(codePoint);
        }
        return true;
    }
}
