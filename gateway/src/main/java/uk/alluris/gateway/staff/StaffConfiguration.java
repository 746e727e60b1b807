package uk.alluris.gateway.staff;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffAuthProperties.class)
class StaffConfiguration {
}
