package io.certgate.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform service. */
@SpringBootApplication
public class CertGateServer {
  public static void main(String[] args) {
    SpringApplication.run(CertGateServer.class, args);
  }
}
