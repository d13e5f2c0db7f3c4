package io.strata.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.strata.gateway.auth.ApiToken;
import io.strata.gateway.auth.ApiTokens;
import io.strata.gateway.publish.EventSource;
import io.strata.gateway.publish.PublishUnavailableException;
import io.strata.gateway.publish.UsagePublisher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/usage/events}: one event or a JSON array of them, authenticated by a bearer
 * token. All or nothing: a request with any bad event is refused whole with a 400 naming every bad
 * field of every bad event, so a caller never has to work out which part went through. Answers
 * 202 with the count once Kafka has acknowledged every event, 503 with Retry-After when it has not
 * (never a 202 for an event Kafka did not take), 413 for a body over the limit, 401 without a valid
 * token, 403 for an API the token may not report.
 */
@RestController
class UsageEventsController {

	private final ApiTokens tokens;

	private final UsageEventValidator validator;

	private final UsagePublisher publisher;

	private final GatewayProperties properties;

	private final MeterRegistry meters;

	private final ObjectMapper mapper = JsonMapper.builder().build();

	UsageEventsController(ApiTokens tokens, UsageEventValidator validator, UsagePublisher publisher,
			GatewayProperties properties, MeterRegistry meters) {
		this.tokens = tokens;
		this.validator = validator;
		this.publisher = publisher;
		this.properties = properties;
		this.meters = meters;
	}

	@PostMapping("/v1/usage/events")
	ResponseEntity<?> post(HttpServletRequest request) throws IOException {
		Optional<ApiToken> token = this.tokens.authenticate(bearer(request));
		if (token.isEmpty()) {
			rejected("unauthenticated", 1);
			return problem(HttpStatus.UNAUTHORIZED, "Unauthenticated",
					"A valid API token is required: Authorization: Bearer <token>", Map.of())
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.build();
		}
		long limit = this.properties.maxBodySize().toBytes();
		if (request.getContentLengthLong() > limit) {
			rejected("too_large", 1);
			return tooLarge(limit);
		}
		byte[] body = read(request.getInputStream(), limit);
		if (body == null) {
			rejected("too_large", 1);
			return tooLarge(limit);
		}
		JsonNode json;
		try {
			json = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			rejected("malformed", 1);
			return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The body is not valid JSON: " + ex.getOriginalMessage(),
					Map.of()).build();
		}
		UsageEventValidator.Result result = this.validator.validate(json);
		if (!result.errors().isEmpty()) {
			rejected("invalid", result.valid().size() + (int) result.errors().stream().map(FieldError::index).distinct().count());
			List<Map<String, Object>> errors = new ArrayList<>();
			for (FieldError error : result.errors()) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("index", error.index());
				entry.put("field", error.field());
				entry.put("message", error.message());
				errors.add(entry);
			}
			return problem(HttpStatus.BAD_REQUEST, "Invalid usage events",
					result.errors().size() + " problem(s) in the request; no event of it was accepted",
					Map.of("errors", errors)).build();
		}
		List<String> forbidden = result.valid().stream().map(UsageEventInput::apiName)
			.filter(api -> !token.get().mayReport(api)).distinct().sorted().toList();
		if (!forbidden.isEmpty()) {
			rejected("forbidden", result.valid().size());
			return problem(HttpStatus.FORBIDDEN, "Not allowed", "Token[" + token.get().name()
					+ "] may not report usage of " + forbidden, Map.of("apiNames", forbidden)).build();
		}
		try {
			this.publisher.publish(result.valid(), EventSource.API);
		}
		catch (PublishUnavailableException ex) {
			rejected("unavailable", result.valid().size());
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable",
					"The events were not all acknowledged by Kafka: " + ex.getMessage()
							+ ". None is reported accepted; retry the request.",
					Map.of())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(this.properties.retryAfter().toSeconds()))
				.build();
		}
		this.meters.counter("strata.gateway.events.accepted").increment(result.valid().size());
		return ResponseEntity.accepted().body(Map.of("accepted", result.valid().size()));
	}

	private void rejected(String reason, int events) {
		this.meters.counter("strata.gateway.events.rejected", "reason", reason).increment(Math.max(events, 1));
	}

	private ResponseEntity<?> tooLarge(long limit) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
				"The body is over the " + limit + " bytes accepted; send fewer events per request", Map.of()).build();
	}

	private static ResponseEntity.BodyBuilder problemBuilder(HttpStatus status) {
		return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static ProblemResponse problem(HttpStatus status, String title, String detail, Map<String, Object> more) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create("/v1/usage/events"));
		more.forEach(problem::setProperty);
		return new ProblemResponse(problemBuilder(status), problem);
	}

	/** A problem answer with headers still to add. */
	private record ProblemResponse(ResponseEntity.BodyBuilder builder, ProblemDetail problem) {

		ProblemResponse header(String name, String value) {
			this.builder.header(name, value);
			return this;
		}

		ResponseEntity<ProblemDetail> build() {
			return this.builder.body(this.problem);
		}

	}

	private static String bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
	}

	/** The body, or null when it is longer than {@code limit} (no length announced, or a lie). */
	private static byte[] read(InputStream in, long limit) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		return body.length > limit ? null : body;
	}

}
