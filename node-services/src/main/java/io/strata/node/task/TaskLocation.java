package io.strata.node.task;

/** Where a task runs, Druid's {@code TaskLocation}: {@code {"host":null,"port":-1,"tlsPort":-1}} when unknown. */
public record TaskLocation(String host, int port, int tlsPort) {

	public static final TaskLocation UNKNOWN = new TaskLocation(null, -1, -1);

	/** The location of a worker known by {@code host:port}. */
	public static TaskLocation of(String hostAndPort) {
		int colon = hostAndPort.lastIndexOf(':');
		return new TaskLocation(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)), -1);
	}

	public boolean known() {
		return this.host != null;
	}

	public String hostAndPort() {
		return this.host + ":" + this.port;
	}

}
