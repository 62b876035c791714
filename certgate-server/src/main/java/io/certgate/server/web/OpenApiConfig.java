package io.certgate.server.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the API published at {@code /v3/api-docs} (DESIGN.md §6). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
  @Bean
  OpenAPI certGateApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("CertGate platform API")
                .version("1")
                .description(
                    "Accounts, organisations, regions, logins and audit; errors are"
                        + " {\"error\",\"message\"} with the codes of DESIGN.md §6."));
  }
}
