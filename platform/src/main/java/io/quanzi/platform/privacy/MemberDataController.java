package io.quanzi.platform.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The internal side of a member's export and erasure, the same in every service that keeps member data (service
 * accounts only, like all of {@code /internal/**}; the gateway never routes it). member-service calls both: it gathers
 * the export, and relays the erasure through its outbox. Applying an erasure twice changes nothing the second time.
 */
@RestController
class MemberDataController {

    private static final java.util.regex.Pattern MEMBER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.@:-]{1,100}");

    private final MemberDataStore store;

    MemberDataController(MemberDataStore store) {
        this.store = store;
    }

    /** Every document that mentions the member, per collection. */
    @GetMapping("/internal/members/{memberId}/data")
    Mono<Map<String, List<Document>>> export(@PathVariable String memberId) {
        return store.export(checked(memberId));
    }

    /** Forgets the member: deletes profile-like documents, replaces the id with the pseudonym everywhere else. */
    @PostMapping("/internal/member-erasures")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> erase(@Valid @RequestBody Erasure erasure) {
        return store.erase(checked(erasure.memberId()), erasure.pseudonym()).then();
    }

    private static String checked(String memberId) {
        if (!MEMBER_ID.matcher(memberId).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a member id.");
        }
        return memberId;
    }

    /**
     * @param memberId the member's subject
     * @param pseudonym what the id becomes, the same in every service ({@code erased-} and a UUID)
     */
    record Erasure(
            @NotBlank @Size(max = 100) String memberId,
            @NotBlank @Pattern(regexp = "erased-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    String pseudonym) {}
}
