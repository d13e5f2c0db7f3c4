package io.strata.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The usage gateway: API services report usage here; it goes to Kafka as Avro. */
@SpringBootApplication
public class UsageGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(UsageGatewayApplication.class, args);
	}

}
