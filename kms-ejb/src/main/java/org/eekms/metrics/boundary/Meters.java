package org.eekms.metrics.boundary;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eekms.access.control.AccessPolicy;
import org.eekms.keystore.control.KeyCache;
import org.eekms.limits.control.RateLimits;
import org.eekms.secretlock.control.LockCredentials;

/**
 * The server's own meters: a timer per operation, key type and outcome ({@code kms.operations}), and the key cache's
 * hits, misses and evictions, and how many rate-limit buckets are held. Published as JMX MBeans (domain {@code eekms}, visible in the application server's
 * JMX console) and, for an administrator, in the Prometheus text format. Recording is a map lookup and a clock read
 * on the hot path.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Meters {

    /** JMX names for our meters only, under our own domain. */
    private static final JmxConfig JMX = new JmxConfig() {
        @Override
        public String get(String key) {
            return null;
        }

        @Override
        public String domain() {
            return "eekms";
        }
    };

    private record TimerKey(String operation, String keyType, String outcome) {
    }

    @Inject
    KeyCache keyCache;

    @Inject
    AccessPolicy access;

    @Inject
    RateLimits rateLimits;

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private JmxMeterRegistry jmx;
    private PrometheusMeterRegistry prometheus;

    @PostConstruct
    void start() {
        jmx = new JmxMeterRegistry(JMX, Clock.SYSTEM);
        prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.add(jmx);
        registry.add(prometheus);
        CaffeineCacheMetrics.monitor(registry, keyCache.statistics(), "keys");
        for (String scope : List.of("caller", "keystore", "creation")) {
            // read at scrape time only: shows that the limiters' memory stays bounded
            Gauge.builder("kms.rate_limit.tracked", rateLimits, limits -> limits.tracked(scope))
                    .description("rate-limit buckets held (callers, keystores or keystore creators)")
                    .tag("scope", scope)
                    .register(registry);
        }
    }

    @PreDestroy
    void stop() {
        registry.close();
    }

    /** Records one operation on a key: how long it took, and with what outcome ({@code ok} or the error code). */
    public void record(String operation, String keyType, String outcome, long nanos) {
        timers.computeIfAbsent(new TimerKey(operation, keyType, outcome), key -> Timer.builder("kms.operations")
                        .description("operations on keys")
                        .tag("operation", key.operation()).tag("key_type", key.keyType())
                        .tag("outcome", key.outcome())
                        .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Admin: every meter in the Prometheus text format. */
    public String prometheus(LockCredentials credentials) {
        access.administer(credentials);
        return prometheus.scrape();
    }

    MeterRegistry registry() {
        return registry;
    }
}
