package io.strata.gateway.client;

/**
 * The default listener: logs how many records were refused or failed and why, at WARNING. Never
 * the records themselves: they may carry identifiers the gateway has not yet encrypted.
 */
final class LoggingDeliveryListener implements DeliveryListener {

	private static final System.Logger LOG = System.getLogger(LoggingDeliveryListener.class.getName());

	@Override
	public void refused(Refusal refusal) {
		LOG.log(System.Logger.Level.WARNING, "The usage gateway refused {0} record(s) with HTTP {1}: {2}",
				refusal.events().size(), refusal.status(), refusal.problem());
	}

	@Override
	public void failed(Failure failure) {
		LOG.log(System.Logger.Level.WARNING, "{0} usage record(s) were not delivered after {1} request(s): {2}",
				failure.events().size(), failure.attempts(), failure.reason());
	}

}
