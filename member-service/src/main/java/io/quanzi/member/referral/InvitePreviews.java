package io.quanzi.member.referral;

import io.quanzi.member.brand.Brands;
import io.quanzi.member.profile.MemberDirectory;
import io.quanzi.platform.problem.Problem;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The public preview of an invite link. A code is usable when the join would accept it: the invite
 * exists (an erased member's codes are gone) and so does its brand. Unknown and unusable codes
 * answer the same 404, so a preview tells a guesser nothing more than a join attempt would.
 */
@Service
class InvitePreviews {

    /** The shape a join request accepts for an invite code (codes are made of {@code [0-9A-Z]} only). */
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{8}");

    private final ReactiveMongoTemplate mongo;
    private final Brands brands;
    private final MemberDirectory directory;

    InvitePreviews(ReactiveMongoTemplate mongo, Brands brands, MemberDirectory directory) {
        this.mongo = mongo;
        this.brands = brands;
        this.directory = directory;
    }

    Mono<InvitePreview> preview(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Mono.error(Problem.badRequest(
                    "invalid-invite-code", "An invite code is 8 letters or digits, as in the invite link."));
        }
        return mongo.findById(code, Invite.class)
                .flatMap(invite -> brands.publicBrand(invite.brandId()).flatMap(brand -> directory
                        .displayName(invite.memberId())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .map(name -> new InvitePreview(invite.code(), brand, name.orElse(null)))))
                .switchIfEmpty(Mono.error(
                        () -> Problem.notFound("invite-not-found", "This invite link is unknown or no longer valid.")));
    }
}
