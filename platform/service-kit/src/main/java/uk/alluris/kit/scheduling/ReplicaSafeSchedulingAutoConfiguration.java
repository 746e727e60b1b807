package uk.alluris.kit.scheduling;

import java.time.Clock;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import uk.alluris.kit.outbox.OutboxRelay;

/**
 * Every {@code @Scheduled} job of a service with a MongoDB store, and its outbox relay's sweep, runs once across
 * the service's replicas. The lock provider is not a bean, so a service's own ShedLock setup is left alone.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(value = { MongoLockProvider.class, MongoTemplate.class }, name = "com.mongodb.client.MongoDatabase")
@EnableConfigurationProperties(JobLockSettings.class)
public class ReplicaSafeSchedulingAutoConfiguration {

    /** The outbox relay's periodic sweep, locked like a scheduled job. */
    static final String OUTBOX_SWEEP = "uk.alluris.kit.outbox.OutboxRelay.sweep";
    private static final Logger log = LoggerFactory.getLogger(ReplicaSafeSchedulingAutoConfiguration.class);

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    JobLocks allurisJobLocks(MongoTemplate mongo, JobLockSettings settings, ObjectProvider<Clock> clock) {
        return new JobLocks(new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb())), settings,
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** Hands Spring's scheduler of {@code @Scheduled} methods the locking one, around Boot's {@code taskScheduler}. */
    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    SchedulingConfigurer lockedScheduledJobs(ObjectProvider<JobLocks> locks, ObjectProvider<TaskScheduler> schedulers) {
        return registrar -> {
            TaskScheduler scheduler = schedulers.getIfUnique();
            if (scheduler == null) {
                log.warn("no single TaskScheduler to wrap: scheduled jobs are not locked across replicas");
                return;
            }
            registrar.setTaskScheduler(new LockedTaskScheduler(scheduler, locks.getObject()));
        };
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    static BeanPostProcessor outboxSweepLock(ObjectProvider<JobLocks> locks) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof OutboxRelay relay) {
                    relay.guardSweepsWith((sweep, interval) -> locks.getObject().locked(OUTBOX_SWEEP, sweep, interval));
                }
                return bean;
            }
        };
    }
}
