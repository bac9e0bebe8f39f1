package io.quanzi.member.system;

import io.quanzi.platform.problem.Problem;
import java.util.regex.Pattern;

/** Identifiers chosen by people (brand and store ids): short lowercase slugs, safe in any query. */
public final class Ids {

    public static final String SLUG = "[a-z0-9][a-z0-9-]{1,62}";
    private static final Pattern SLUG_PATTERN = Pattern.compile(SLUG);

    private Ids() {}

    public static String requireSlug(String what, String value) {
        if (value == null || !SLUG_PATTERN.matcher(value).matches()) {
            throw Problem.badRequest(
                    "invalid-id",
                    what + " must be 2-63 lowercase letters, digits or dashes, starting with a letter or digit.");
        }
        return value;
    }
}
