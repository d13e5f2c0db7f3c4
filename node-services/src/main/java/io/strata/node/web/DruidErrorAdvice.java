package io.strata.node.web;

import io.strata.node.LocalNode;
import io.strata.engine.error.DruidErrorJson;
import io.strata.engine.error.StrataException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place errors become Druid's error JSON, with the HTTP status of their category. */
@RestControllerAdvice
class DruidErrorAdvice {

	private final DruidErrorJson errors = new DruidErrorJson();

	private final LocalNode node;

	DruidErrorAdvice(LocalNode node) {
		this.node = node;
	}

	/** A request Spring could not bind (no body, a parameter of the wrong type, JSON that does not parse). */
	@ExceptionHandler({ org.springframework.http.converter.HttpMessageNotReadableException.class,
			org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
			tools.jackson.core.JacksonException.class })
	ResponseEntity<String> badRequest(RuntimeException ex) {
		String message = ex instanceof tools.jackson.core.JacksonException json ? json.getOriginalMessage()
				: ex.getMessage();
		return render(StrataException.invalidInput("Invalid request: %s", message), this.node.hostAndPort());
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<String> error(RuntimeException ex) {
		StrataException error = this.errors.wrapUnexpected(ex);
		return render(error, this.node.hostAndPort());
	}

	static ResponseEntity<String> render(StrataException error, String host) {
		return ResponseEntity.status(error.errorCode().httpStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.body(new DruidErrorJson().render(error, host));
	}

}
