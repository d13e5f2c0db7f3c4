package io.strata.gateway.publish;

/** Where usage came from: a live API call, or a row of a batch job's usage summary. */
public enum EventSource {

	API, BATCH

}
