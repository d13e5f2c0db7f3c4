package io.strata.sample;

import java.util.List;

/**
 * The closed vocabularies of generated events. Lists are immutable and ordered as the generator weights them, most
 * frequent first, so that a config using the first {@code n} names keeps the popular ones.
 */
public final class UsageCatalog {

    /** The twelve APIs, most called first; the first three take about 60% of the traffic. */
    public static final List<String> API_NAMES = List.of("person.enrich", "company.enrich", "identity.resolve",
            "email.verify", "phone.lookup", "address.verify", "ip.lookup", "domain.enrich", "person.search",
            "company.search", "social.lookup", "fraud.score");

    /** The fifteen insights bundles, most returned first. */
    public static final List<String> BUNDLE_NAMES = List.of("demographics", "employment", "contact", "social",
            "location", "interests", "finance", "education", "household", "device", "purchase", "vehicle", "media",
            "travel", "health");

    /** Account plans, most common first; about one account in twenty is on enterprise. */
    public static final List<String> PLANS = List.of("free", "starter", "growth", "enterprise");

    /** Home regions of accounts, most common first. */
    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2", "eu-central-1",
            "ap-southeast-2", "ap-northeast-1");

    /** {@code api} for interactive calls (about 97%), {@code batch} for bulk jobs. */
    public static final List<String> SOURCES = List.of("api", "batch");

    /** Returned status codes, most common first: about 85%, 9%, 4% and 2%. */
    public static final List<Integer> STATUS_CODES = List.of(200, 404, 429, 500);

    private UsageCatalog() {
    }
}
