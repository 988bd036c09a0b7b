package io.modelregistry.server.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes the embedded Tomcat answer its own refusals as JSON: the host's error report valve, which writes the
 * answer to everything the container refuses before the application sees it, is {@link ContainerErrorReportValve}
 * instead of Tomcat's HTML page. No limit changes: the same requests are refused, only the answer's form differs.
 *
 * <p>One exception: the connector lets {@code TRACE} through, because its own refusal comes before any valve and
 * leaves an empty 405; {@link TraceRefusalFilter} refuses it instead, as JSON, before the servlet could echo it.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
            }
        });
    }
}
