package io.quanzi.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownstreamRefusalsTest {

    @ParameterizedTest
    @ValueSource(ints = {400, 409, 413, 415, 422})
    void aWrongRequestIsAPermanentRefusal(int status) {
        assertThat(DownstreamRefusals.isPermanent(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 408, 429, 500, 502, 503, 504})
    void configurationDeploymentAndServerTroubleAreWorthRetrying(int status) {
        assertThat(DownstreamRefusals.isPermanent(status)).isFalse();
    }
}
