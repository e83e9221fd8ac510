package io.github.fenqi.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the service: {@code java -jar fenqi-spring-boot-app.jar}. Thread-safety: not applicable. */
// No generated in-memory user: authentication is by bearer token only (SecurityConfiguration).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class FenqiApplication {
  public static void main(String[] args) {
    SpringApplication.run(FenqiApplication.class, args);
  }
}
