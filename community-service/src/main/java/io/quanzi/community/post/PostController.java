package io.quanzi.community.post;

import io.quanzi.community.community.DisplayNames;
import io.quanzi.platform.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/communities")
class PostController {

    private final Posts posts;

    PostController(Posts posts) {
        this.posts = posts;
    }

    @PostMapping("/{communityId}/posts")
    Mono<ResponseEntity<PostResponse>> create(
            JwtAuthenticationToken auth,
            @PathVariable String communityId,
            @Valid @RequestBody PostRequests.NewPost request) {
        return posts.create(communityId, Caller.of(auth), DisplayNames.of(auth), request)
                .map(post -> ResponseEntity.created(URI.create("/api/communities/posts/" + post.id()))
                        .body(post));
    }

    @GetMapping("/{communityId}/posts")
    Mono<PostResponse.Page> feed(
            JwtAuthenticationToken auth,
            @PathVariable String communityId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        return posts.feed(communityId, Caller.of(auth), cursor, limit);
    }

    @GetMapping("/posts/{postId}")
    Mono<PostResponse> get(JwtAuthenticationToken auth, @PathVariable String postId) {
        return posts.get(postId, Caller.of(auth));
    }

    @PostMapping("/posts/{postId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PostResponse.CommentResponse> comment(
            JwtAuthenticationToken auth,
            @PathVariable String postId,
            @Valid @RequestBody PostRequests.NewComment request) {
        return posts.comment(postId, Caller.of(auth), DisplayNames.of(auth), request);
    }

    @GetMapping("/posts/{postId}/comments")
    Mono<PostResponse.CommentPage> comments(
            JwtAuthenticationToken auth,
            @PathVariable String postId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        return posts.comments(postId, Caller.of(auth), cursor, limit);
    }

    @PutMapping("/posts/{postId}/like")
    Mono<PostResponse.LikeResponse> like(JwtAuthenticationToken auth, @PathVariable String postId) {
        return posts.like(postId, Caller.of(auth));
    }

    @DeleteMapping("/posts/{postId}/like")
    Mono<PostResponse.LikeResponse> unlike(JwtAuthenticationToken auth, @PathVariable String postId) {
        return posts.unlike(postId, Caller.of(auth));
    }

    @PostMapping("/posts/{postId}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Void> report(
            JwtAuthenticationToken auth, @PathVariable String postId, @Valid @RequestBody PostRequests.Report request) {
        return posts.report(postId, Caller.of(auth), request.reason());
    }

    @PostMapping("/posts/{postId}/hide")
    Mono<PostResponse> hide(
            JwtAuthenticationToken auth,
            @PathVariable String postId,
            @Valid @RequestBody(required = false) PostRequests.Moderation request) {
        return posts.setHidden(postId, Caller.of(auth), true, request == null ? null : request.reason());
    }

    @PostMapping("/posts/{postId}/restore")
    Mono<PostResponse> restore(JwtAuthenticationToken auth, @PathVariable String postId) {
        return posts.setHidden(postId, Caller.of(auth), false, null);
    }
}
