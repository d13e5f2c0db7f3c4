package io.strata.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** One Spring Boot application for every cluster role; {@code strata.roles} chooses which run. */
@SpringBootApplication
public class StrataNodeApplication {

	public static void main(String[] args) {
		SpringApplication.run(StrataNodeApplication.class, args);
	}

}
