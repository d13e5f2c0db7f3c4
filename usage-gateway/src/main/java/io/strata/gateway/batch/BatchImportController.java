package io.strata.gateway.batch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import io.strata.gateway.auth.ApiToken;
import io.strata.gateway.auth.ApiTokens;
import io.strata.gateway.storage.SourceFiles;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/usage/batches}: a usage summary file as the body ({@code text/csv} or
 * {@code application/x-ndjson}) or {@code {"uri": "file:///..."}} / {@code {"uri": "s3://bucket/key"}}
 * naming one in deep storage ({@code .csv} files are CSV, anything else NDJSON).
 * 202 with the import's status and its {@code Location} when it starts; 200 with the earlier
 * import's status when the same content was imported before (nothing is emitted again).
 * {@code GET /v1/usage/batches/{id}}: progress, counts, errors per line. Batch jobs report for any
 * API, so their token must be scoped to {@code *}.
 */
@RestController
class BatchImportController {

	private final BatchImports imports;

	private final ApiTokens tokens;

	private final Path spool;

	private final SourceFiles sourceFiles;

	private final JsonMapper mapper = JsonMapper.builder().build();

	BatchImportController(BatchImports imports, ApiTokens tokens, BatchSpool spool, SourceFiles sourceFiles) {
		this.imports = imports;
		this.tokens = tokens;
		this.spool = spool.directory();
		this.sourceFiles = sourceFiles;
	}

	@PostMapping("/v1/usage/batches")
	ResponseEntity<?> post(HttpServletRequest request) throws IOException {
		Optional<ApiToken> token = this.tokens.authenticate(bearer(request));
		if (token.isEmpty()) {
			return problem(HttpStatus.UNAUTHORIZED, "A valid API token is required: Authorization: Bearer <token>");
		}
		if (!token.get().mayReport("*") || !token.get().services().contains("*")) {
			return problem(HttpStatus.FORBIDDEN, "Token[" + token.get().name() + "] is not scoped to '*', as batch imports need");
		}
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
		Files.createDirectories(this.spool);
		Path copy = Files.createTempFile(this.spool, "batch-", ".part");
		SummaryFileReader.Format format;
		if (type.startsWith("application/json")) {
			JsonNode body = this.mapper.readTree(request.getInputStream());
			String uri = body.path("uri").asString("");
			URI source;
			try {
				source = URI.create(uri);
			}
			catch (IllegalArgumentException ex) {
				source = null;
			}
			if (source == null || source.getScheme() == null || !SourceFiles.isSupported(source)) {
				Files.deleteIfExists(copy);
				return problem(HttpStatus.BAD_REQUEST, "uri must name a file in deep storage, file:///... or s3://bucket/key; got["
						+ uri + "]");
			}
			try {
				this.sourceFiles.copy(source, copy);
			}
			catch (NoSuchFileException ex) {
				Files.deleteIfExists(copy);
				return problem(HttpStatus.BAD_REQUEST, "No file at " + uri);
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(copy);
				return problem(HttpStatus.BAD_GATEWAY, "Cannot read " + uri + ": " + ex.getMessage());
			}
			format = source.getPath().endsWith(".csv") ? SummaryFileReader.Format.CSV : SummaryFileReader.Format.NDJSON;
		}
		else if (type.startsWith("text/csv") || type.startsWith("application/x-ndjson")) {
			format = type.startsWith("text/csv") ? SummaryFileReader.Format.CSV : SummaryFileReader.Format.NDJSON;
			try (InputStream in = request.getInputStream()) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		else {
			Files.deleteIfExists(copy);
			return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Send text/csv or application/x-ndjson, or application/json {\"uri\": \"file:///... or s3://bucket/key\"}");
		}
		BatchImports.Started started = this.imports.submit(copy, format);
		URI location = URI.create("/v1/usage/batches/" + started.status().id());
		return started.isNew() ? ResponseEntity.accepted().location(location).body(started.status())
				: ResponseEntity.ok().location(location).body(started.status());
	}

	@GetMapping("/v1/usage/batches/{id}")
	ResponseEntity<?> status(@PathVariable String id) {
		BatchStatus status = this.imports.status(id);
		return status != null ? ResponseEntity.ok(status) : problem(HttpStatus.NOT_FOUND, "No batch import " + id);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	private static String bearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
	}

}
