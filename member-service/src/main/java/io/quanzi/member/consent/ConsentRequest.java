package io.quanzi.member.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A consent decision: {@code granted} true opts in, false withdraws; {@code textVersion} names the
 * consent text the member was shown (e.g. {@code marketing-2026-01}).
 */
record ConsentRequest(
        @NotNull Boolean granted,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+") String textVersion,
        @NotNull ConsentChannel channel) {}
