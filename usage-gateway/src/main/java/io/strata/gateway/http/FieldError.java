package io.strata.gateway.http;

/**
 * One problem with one field of one event of a request.
 * @param index the event's position in the request (0 for a single event)
 * @param field the field's name, dotted into objects and arrays ({@code bundles[2]})
 */
public record FieldError(int index, String field, String message) {

}
