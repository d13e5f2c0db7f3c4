package io.strata.node.metadata;

import java.util.Objects;

/** Who changed a rule or config and why: Druid's {@code X-Druid-Author} / {@code X-Druid-Comment}. */
public record AuditInfo(String author, String comment, String at) {

	public AuditInfo {
		Objects.requireNonNull(author, "author");
		Objects.requireNonNull(comment, "comment");
		Objects.requireNonNull(at, "at");
	}

}
