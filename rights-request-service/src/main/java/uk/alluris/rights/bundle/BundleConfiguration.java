package uk.alluris.rights.bundle;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BundleProperties.class)
class BundleConfiguration {
}
