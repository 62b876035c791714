package io.certgate.server.cluster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps a node without {@code certgate.redis-url} single-node: Boot's Redis and Spring Session
 * auto-configurations are excluded (added to any {@code spring.autoconfigure.exclude} already
 * configured), so no Redis client is built and sessions stay in the servlet container. Done on the
 * environment because an exclusion in {@code application.properties} could not be lifted for
 * cluster mode.
 */
public final class ClusterMode implements EnvironmentPostProcessor, Ordered {
  static final String REDIS_URL = "certgate.redis-url";

  static final List<String> SINGLE_NODE_EXCLUDES =
      List.of(
          "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
          "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
          "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
          "org.springframework.boot.data.redis.autoconfigure.health"
              + ".DataRedisHealthContributorAutoConfiguration",
          "org.springframework.boot.data.redis.autoconfigure.health"
              + ".DataRedisReactiveHealthContributorAutoConfiguration",
          "org.springframework.boot.data.redis.autoconfigure.observation"
              + ".LettuceObservationAutoConfiguration",
          "org.springframework.boot.session.data.redis.autoconfigure"
              + ".SessionDataRedisAutoConfiguration",
          "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
          "org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration");

  /** Whether the environment asks for cluster mode. */
  static boolean isCluster(ConfigurableEnvironment environment) {
    String url = environment.getProperty(REDIS_URL, "");
    return !url.isBlank();
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (isCluster(environment)) {
      return;
    }
    Set<String> excludes = new LinkedHashSet<>();
    for (String e : environment.getProperty("spring.autoconfigure.exclude", "").split(",")) {
      if (!e.isBlank()) {
        excludes.add(e.strip());
      }
    }
    excludes.addAll(SINGLE_NODE_EXCLUDES);
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "certgate-single-node",
                Map.of("spring.autoconfigure.exclude", String.join(",", excludes))));
  }

  /** After the configuration files and command line are read. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
