package uk.alluris.kit.paging;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets every list endpoint take a {@link Paging} parameter. */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
public class PagingAutoConfiguration {

    @Bean
    WebMvcConfigurer pagingParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PagingResolver());
            }
        };
    }
}
