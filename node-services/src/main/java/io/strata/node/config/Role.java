package io.strata.node.config;

import java.util.List;

/** A cluster role a node process can run; several may share one process. */
public enum Role {

	COORDINATOR("coordinator", "druid/coordinator"), OVERLORD("overlord", "druid/overlord"),
	BROKER("broker", "druid/broker"), ROUTER("router", "druid/router"), HISTORICAL("historical", "druid/historical"),
	/** Druid's middleManager; here it runs tasks in-process exactly as an indexer does. */
	MIDDLE_MANAGER("middleManager", "druid/middlemanager"), INDEXER("indexer", "druid/indexer");

	/** What a process runs when no roles are configured: the whole cluster, one task worker. */
	public static final List<Role> DEFAULTS = List.of(COORDINATOR, OVERLORD, BROKER, ROUTER, HISTORICAL, INDEXER);

	/** The roles that run tasks (Druid's workers). */
	public static final List<Role> WORKERS = List.of(MIDDLE_MANAGER, INDEXER);

	private final String configName;

	private final String serviceName;

	Role(String configName, String serviceName) {
		this.configName = configName;
		this.serviceName = serviceName;
	}

	/** Druid's service name, as announced and shown in {@code /status}. */
	public String serviceName() {
		return this.serviceName;
	}

	/** The name in {@code strata.node.roles} and in announcements (Druid's node role name). */
	public String configName() {
		return this.configName;
	}

}
