package io.strata.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** One Spring Boot application for every cluster role; {@code strata.roles} chooses which run. */
@SpringBootApplication
public class StrataNodeApplication {

	/** Starts a node; {@code publish ...} as the first argument runs the publish command instead. */
	public static void main(String[] args) throws java.io.IOException {
		if (args.length > 0 && args[0].equals("publish")) {
			io.strata.node.admin.PublishSegmentsCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(StrataNodeApplication.class, args);
	}

}
