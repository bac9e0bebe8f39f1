package io.quanzi.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every Quanzi app shares, added with the lowest precedence so an app's own
 * {@code application.yml}, the environment or the command line can still override each one.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Not "auto": restoring the logging MDC around every Reactor signal took 10-15 % of each app's CPU per
        // request (docs/benchmarks.md, seventh run). The request id still reaches every access-log line, every logged
        // 5xx problem and every downstream call (RequestIdFilter, ProblemMapper, ServiceWebClients: from the Reactor
        // context or the exchange); a line logged in the middle of a chain carries it only under contextCapture().
        defaults.put("spring.reactor.context-propagation", "limited");
        defaults.put("spring.codec.max-in-memory-size", "256KB");
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        defaults.put("spring.webflux.problemdetails.enabled", "false");
        defaults.put("server.shutdown", "graceful");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-components", "always");
        // An app without MongoDB (the gateway) simply has no "mongo" check in its readiness group.
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,mongo,keycloak");
        defaults.put("management.endpoint.health.validate-group-membership", "false");
        defaults.put("management.health.mongo.enabled", "false");
        defaults.put("logging.pattern.correlation", "[%X{requestId:-}] ");
        defaults.put("logging.level.de.bwaldvogel", "WARN");
        defaults.put("logging.level.org.mongodb.driver", "WARN");
        environment.getPropertySources().addLast(new MapPropertySource("quanziPlatformDefaults", defaults));
    }
}
