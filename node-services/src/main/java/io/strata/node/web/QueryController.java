package io.strata.node.web;

import java.util.List;

import io.strata.engine.error.StrataException;
import io.strata.node.broker.BrokerQueries;
import io.strata.node.historical.HistoricalQueries;
import io.strata.node.query.DataServerProtocol;
import io.strata.node.query.DataServerQueries;
import io.strata.node.query.QueryResponse;
import io.strata.node.query.SegmentDescriptor;
import io.strata.node.router.RouterProxy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /druid/v2}: the native query endpoint of every role. One process may run several
 * roles on one port, so the query goes to the role that answers it here: a segment-scoped query
 * (from a broker) to the segments this process serves (a historical's loaded ones, streaming
 * tasks' live ones), any other to the broker, else through the router to a broker elsewhere,
 * else (a lone historical) over the historical's own segments.
 */
@RestController
class QueryController {

	private final ObjectProvider<DataServerQueries> dataServer;

	private final ObjectProvider<HistoricalQueries> historical;

	private final ObjectProvider<BrokerQueries> broker;

	private final ObjectProvider<RouterProxy> router;

	private final DataServerProtocol protocol = new DataServerProtocol();

	QueryController(ObjectProvider<DataServerQueries> dataServer, ObjectProvider<HistoricalQueries> historical,
			ObjectProvider<BrokerQueries> broker, ObjectProvider<RouterProxy> router) {
		this.dataServer = dataServer;
		this.historical = historical;
		this.broker = broker;
		this.router = router;
	}

	@PostMapping(path = { "/druid/v2", "/druid/v2/" })
	ResponseEntity<String> query(@RequestBody String body) {
		DataServerQueries dataServerQueries = this.dataServer.getIfAvailable();
		HistoricalQueries historicalQueries = this.historical.getIfAvailable();
		BrokerQueries brokerQueries = this.broker.getIfAvailable();
		RouterProxy routerProxy = this.router.getIfAvailable();
		QueryResponse response;
		ObjectNode query = dataServerQueries == null ? null : this.protocol.parseQuery(body);
		List<SegmentDescriptor> scope = query == null ? null : this.protocol.scopedSegments(query);
		if (scope != null) {
			response = dataServerQueries.answer(query, scope);
		}
		else if (brokerQueries != null) {
			response = brokerQueries.answer(body);
		}
		else if (routerProxy != null) {
			response = routerProxy.query(body);
		}
		else if (historicalQueries != null) {
			response = historicalQueries.answer(body);
		}
		else {
			throw StrataException.unsupported("This node runs no role that answers native queries");
		}
		HttpHeaders headers = new HttpHeaders();
		response.headers().forEach(headers::add);
		return ResponseEntity.status(response.status())
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(response.body());
	}

}
