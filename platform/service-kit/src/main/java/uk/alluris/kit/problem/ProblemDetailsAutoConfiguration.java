package uk.alluris.kit.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/** Registers the kit's handler before Boot's own, which then backs off. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(ResponseEntityExceptionHandler.class)
@Import({ MailedLinkPages.class, ProblemDetailsAdvice.class })
public class ProblemDetailsAutoConfiguration {

    /**
     * Input is strict: {@code "granted": -1} or {@code "granted": "no"} is not a decision, and {@code "recordedAt":
     * 12345} is not a time in 1970. A number or text where true/false is expected, or a number where a date or time
     * is expected, is a 400.
     */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer")
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Boolean, booleans -> booleans
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .addModule(new SimpleModule("alluris-times-as-text").setDeserializerModifier(new TimesAsText()));
    }

    /** A refusal has a problem body even for a caller whose Accept names no JSON type. */
    @Bean
    ProblemsWhateverTheAccept problemsWhateverTheAccept() {
        return new ProblemsWhateverTheAccept();
    }

    /** Dates and times in queries and paths are held to the same plausible range as those in bodies. */
    @Bean
    static PlausibleTimeParameters plausibleTimeParameters() {
        return new PlausibleTimeParameters();
    }

    /** Tomcat's own refusals (before any servlet runs) as problem details too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    static class TomcatProblems {

        @Bean
        TomcatProblemPages tomcatProblemPages() {
            return new TomcatProblemPages();
        }

        @Bean
        MalformedParameters malformedParameters() {
            return new MalformedParameters();
        }
    }
}
