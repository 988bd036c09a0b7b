package io.modelregistry.server.web;

import io.modelregistry.projection.consistency.ReadModelProgress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads are answered from read models only once these have applied every acknowledged write (after a restart:
 * the whole log); otherwise, after a bounded wait, 503 with a message saying they are catching up. Never a list
 * that disagrees with a GET. The query side is exactly the set of endpoints that read read models, so the gate
 * applies to its controllers by package, and a new read endpoint there is gated without further wiring.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelGate implements WebMvcConfigurer {

    static final String QUERY_SIDE = "io.modelregistry.query";

    private final ReadModelProgress progress;

    ReadModelGate(ReadModelProgress progress) {
        this.progress = progress;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && readsReadModels(method.getBeanType())) {
                    progress.awaitReadable();
                }
                return true;
            }
        });
    }

    static boolean readsReadModels(Class<?> controller) {
        String name = controller.getPackageName();
        return name.equals(QUERY_SIDE) || name.startsWith(QUERY_SIDE + ".");
    }
}
