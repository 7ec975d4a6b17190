package org.mediamonitor.broker;

/** The embedded broker did not become ready; the message carries the tail of its log. */
public final class BrokerStartupException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BrokerStartupException(final String message) {
        super(message);
    }

    public BrokerStartupException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
