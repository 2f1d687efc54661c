package org.genomod.launcher;

/** The platform could not be started; the message is the line the user sees. */
final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
