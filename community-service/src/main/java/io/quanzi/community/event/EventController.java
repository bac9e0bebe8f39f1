package io.quanzi.community.event;

import io.quanzi.community.community.DisplayNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/events")
class EventController {

    private final EventCatalog catalog;
    private final Rsvps rsvps;

    EventController(EventCatalog catalog, Rsvps rsvps) {
        this.catalog = catalog;
        this.rsvps = rsvps;
    }

    @PostMapping
    Mono<ResponseEntity<EventResponse>> create(@Valid @RequestBody EventRequest request, JwtAuthenticationToken admin) {
        return catalog.create(request, admin)
                .map(event -> ResponseEntity.created(URI.create("/api/events/" + event.id()))
                        .body(event));
    }

    /** Upcoming (not ended, not cancelled) events of a brand, soonest first. */
    @GetMapping
    Flux<EventResponse> upcoming(@RequestParam @NotBlank @Pattern(regexp = EventRequest.ID) String brandId) {
        return catalog.upcoming(brandId);
    }

    /** The caller's events: confirmed or waitlisted, with check-in time once scanned. */
    @GetMapping("/me")
    Flux<MyEventResponse> mine(JwtAuthenticationToken member) {
        return rsvps.mine(member.getName());
    }

    @GetMapping("/{eventId}")
    Mono<EventResponse> event(@PathVariable @Pattern(regexp = EventRequest.ID) String eventId) {
        return catalog.event(eventId).map(EventResponse::of);
    }

    @PutMapping("/{eventId}")
    Mono<EventResponse> update(
            @PathVariable @Pattern(regexp = EventRequest.ID) String eventId,
            @Valid @RequestBody EventRequest request,
            JwtAuthenticationToken admin) {
        return catalog.update(eventId, request, admin);
    }

    @PostMapping("/{eventId}/cancel")
    Mono<EventResponse> cancel(
            @PathVariable @Pattern(regexp = EventRequest.ID) String eventId, JwtAuthenticationToken admin) {
        return catalog.cancel(eventId, admin);
    }

    @PostMapping("/{eventId}/rsvp")
    Mono<RsvpResponse> rsvp(
            @PathVariable @Pattern(regexp = EventRequest.ID) String eventId, JwtAuthenticationToken member) {
        return rsvps.rsvp(eventId, member.getName(), DisplayNames.of(member));
    }

    @DeleteMapping("/{eventId}/rsvp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> cancelRsvp(
            @PathVariable @Pattern(regexp = EventRequest.ID) String eventId, JwtAuthenticationToken member) {
        return rsvps.cancel(eventId, member.getName());
    }

    /**
     * The event's attendees with their names, seats and check-in times (store staff, brand admins). Without
     * {@code q}: everyone holding a place. With {@code q}: those whose name contains it, at most {@code limit}.
     */
    @GetMapping("/{eventId}/attendees")
    Flux<AttendeeResponse> attendees(
            @PathVariable @Pattern(regexp = EventRequest.ID) String eventId,
            @RequestParam(required = false) @Size(max = 80) String q,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            JwtAuthenticationToken caller) {
        return rsvps.attendees(eventId, q, limit, caller);
    }
}
