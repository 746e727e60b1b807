/**
 * What services share to expose their own state as Prometheus gauges (docs/observability.md).
 */
package uk.alluris.kit.metrics;
