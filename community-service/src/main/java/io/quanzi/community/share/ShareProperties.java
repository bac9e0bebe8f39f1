package io.quanzi.community.share;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param linkBaseUrl what a share code is appended to in the link members pass on: the web app's
 *     share landing page ({@code /s/{code}}), which reads {@code GET /api/public/shares/{code}} before
 *     sign-in and {@code GET /api/communities/shares/{code}} (recording the visit) after
 * @param attributionWindow how long after a visit a join (or a re-share) is credited to the share
 */
@ConfigurationProperties("quanzi.community.shares")
record ShareProperties(String linkBaseUrl, Duration attributionWindow) {

    ShareProperties {
        if (linkBaseUrl == null || linkBaseUrl.isBlank()) {
            linkBaseUrl = "http://localhost:8080/s/";
        }
        if (attributionWindow == null) {
            attributionWindow = Duration.ofDays(30);
        }
    }
}
