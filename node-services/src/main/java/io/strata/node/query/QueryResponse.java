package io.strata.node.query;

import java.util.Map;

/** An HTTP answer to a native query: status, JSON body and extra headers (the response context). */
public record QueryResponse(int status, String body, Map<String, String> headers) {

	public QueryResponse {
		headers = Map.copyOf(headers);
	}

	public static QueryResponse ok(String body) {
		return new QueryResponse(200, body, Map.of());
	}

}
