package io.quanzi.gateway.webapp;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Serves the built web app (the {@code web} module's jar holds it under {@code static/}). Vite names
 * every asset by its content hash, so assets are cached for a year as immutable; {@code index.html}
 * and the other top-level files are revalidated on every load, so a new release shows at once.
 */
@Configuration(proxyBeanMethods = false)
class WebAppResources implements WebFluxConfigurer {

    private static final String LOCATION = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(LOCATION + "assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**").addResourceLocations(LOCATION).setCacheControl(CacheControl.noCache());
    }
}
