package uk.alluris.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON logs are switched on by {@code logging.structured.format.console} (LOGGING_STRUCTURED_FORMAT_CONSOLE) and
 * masked as plain ones are, through the kit's own logback-spring.xml and alluris-defaults.yml.
 */
class JsonLogsUnitTest {

    private static final String EMAIL = "jane.doe@example.com";
    private static final String PHONE = "+44 7700 900123";

    @ParameterizedTest
    @ValueSource(strings = { "ecs", "logstash" })
    void aLogLineWithAnEmailAndAPhoneIsMaskedInJsonAsInPlainText(String format) throws Exception {
        LoggerContext context = configured(format);
        Logger logger = context.getLogger("uk.alluris.booking.Reminders");
        PlainOrJsonEncoder encoder = encoder(context);
        assertThat(encoder.delegate()).isInstanceOf(StructuredLogEncoder.class);

        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN,
                "reminder to {} at {} not sent", new IllegalStateException("SMTP refused " + EMAIL),
                new Object[] { EMAIL, PHONE });
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(JsonMapper.builder().build().readTree(line).isObject()).isTrue();
        assertThat(line).doesNotContain(EMAIL).doesNotContain(PHONE).doesNotContain("7700 900123")
                .contains("reminder to [email] at [phone] not sent").contains("SMTP refused [email]");
        context.stop();
    }

    @Test
    void withoutAFormatTheConsoleStaysPlainTextAsInTheLocalProfile() throws Exception {
        LoggerContext context = configured("");

        Encoder<ILoggingEvent> plain = encoder(context).delegate();
        assertThat(plain).isInstanceOf(LayoutWrappingEncoder.class).isNotInstanceOf(StructuredLogEncoder.class);
        context.stop();
    }

    /** A logger context configured from the kit's logback-spring.xml, as Boot does with the format it was given. */
    private static LoggerContext configured(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putObject(org.springframework.core.env.Environment.class.getName(), kitDefaults());
        context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ClassPathResource("logback-spring.xml").getURL());
        return context;
    }

    private static StandardEnvironment kitDefaults() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("defaults", new ClassPathResource("alluris-defaults.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private static PlainOrJsonEncoder encoder(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) context
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        return (PlainOrJsonEncoder) console.getEncoder();
    }
}
