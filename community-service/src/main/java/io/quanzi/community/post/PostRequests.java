package io.quanzi.community.post;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

final class PostRequests {

    private PostRequests() {}

    /** A new post: text up to 2000 characters and up to 9 https image URLs. */
    record NewPost(
            @NotBlank @Size(max = 2000) String text,
            @Size(max = 9)
                    List<
                                    @NotBlank @Size(max = 500)
                                    @Pattern(regexp = "https://[^\\s]+", message = "must be an https URL") String>
                            imageUrls) {}

    record NewComment(@NotBlank @Size(max = 500) String text) {}

    record Report(@NotBlank @Size(max = 300) String reason) {}

    record Moderation(@Size(max = 300) String reason) {}
}
