package dev.cardflow.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;

/** Installs problem+json error answers, request-body limits and keep-alive reads in every reactive cardflow service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(WebProperties.class)
public class WebConfiguration {

    @Bean
    public RequestBodyLimitFilter requestBodyLimitFilter(WebProperties properties,
                                                         ObjectProvider<BodySizeLimit> limits) {
        return new RequestBodyLimitFilter(properties.maxBodySize().toBytes(), limits.orderedStream().toList());
    }

    @Bean
    public NormalisedPaths normalisedPaths() {
        return new NormalisedPaths();
    }

    /** Until reactor-netty fixes issue #4361: see {@link KeepAliveReads}. */
    @Bean
    public NettyServerCustomizer keepAliveReads() {
        return KeepAliveReads.customizer();
    }

    @Bean
    public ProblemResponses problemResponses(ObjectMapper objectMapper) {
        return new ProblemResponses(objectMapper);
    }
}
