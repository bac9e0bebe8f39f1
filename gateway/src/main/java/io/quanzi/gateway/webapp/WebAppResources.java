package io.quanzi.gateway.webapp;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
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

    private final String location;

    /**
     * @param appDir where to read the app from instead of the jar, for working on the UI: point it at
     *     {@code web/dist} and run {@code npm run build -- --watch}; every rebuild shows on reload
     */
    WebAppResources(@Value("${quanzi.gateway.web-app-dir:}") String appDir) {
        this.location = appDir.isBlank() ? "classpath:/static/" : "file:" + appDir.replaceAll("/?$", "/");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(location + "assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**").addResourceLocations(location).setCacheControl(CacheControl.noCache());
    }
}
