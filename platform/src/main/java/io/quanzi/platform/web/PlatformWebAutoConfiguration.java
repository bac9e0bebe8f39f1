package io.quanzi.platform.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.quanzi.platform.json.StrictJson;
import io.quanzi.platform.problem.ProblemControllerAdvice;
import io.quanzi.platform.problem.ProblemMapper;
import io.quanzi.platform.problem.ProblemWebExceptionHandler;
import io.quanzi.platform.problem.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;

/** Problem+json for every error, request ids and body limits, the same in every Quanzi app. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(QuanziWebProperties.class)
public class PlatformWebAutoConfiguration {

    // Lets contextCapture() (and the access and problem log lines) put the request id into the logging MDC.
    static {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(RequestIdFilter.CONTEXT_KEY));
    }

    @Bean
    ProblemMapper problemMapper() {
        return new ProblemMapper();
    }

    @Bean
    ProblemWriter problemWriter(ServerCodecConfigurer codecs) {
        return new ProblemWriter(codecs);
    }

    @Bean
    ProblemControllerAdvice problemControllerAdvice(ProblemMapper mapper) {
        return new ProblemControllerAdvice(mapper);
    }

    @Bean
    @Order(-2)
    ProblemWebExceptionHandler problemWebExceptionHandler(ProblemMapper mapper, ProblemWriter writer) {
        return new ProblemWebExceptionHandler(mapper, writer);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    DateParameters dateParameters() {
        return new DateParameters();
    }

    @Bean
    QueryParameterFilter queryParameterFilter(ProblemWriter writer) {
        return new QueryParameterFilter(writer);
    }

    @Bean
    @ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
    NettyProblemResponses nettyProblemResponses() {
        return new NettyProblemResponses();
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer")
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson::apply;
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(QuanziWebProperties properties, ProblemWriter writer) {
        return new RequestSizeLimitFilter(properties.maxBodySize(), writer);
    }
}
