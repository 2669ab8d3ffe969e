package io.vecta.runtime.log;

/**
 * Makes {@code System.getLogger} log through {@link LogRouter#global()}: registered in
 * {@code META-INF/services/java.lang.System$LoggerFinder}, which the JDK reads once, the first
 * time any code asks for a logger.
 */
public final class VectaLoggerFinder extends System.LoggerFinder {

    /** Called by {@link java.util.ServiceLoader}. */
    public VectaLoggerFinder() {
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return LogRouter.global().logger(name);
    }
}
