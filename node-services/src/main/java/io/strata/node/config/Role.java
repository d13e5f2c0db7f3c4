package io.strata.node.config;

import java.util.Locale;

/** A cluster role a node process can run; several may share one process. */
public enum Role {

	COORDINATOR("druid/coordinator"), BROKER("druid/broker"), ROUTER("druid/router"), HISTORICAL("druid/historical");

	private final String serviceName;

	Role(String serviceName) {
		this.serviceName = serviceName;
	}

	/** Druid's service name, as announced and shown in {@code /status}. */
	public String serviceName() {
		return this.serviceName;
	}

	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
