package io.vecta.runtime.log;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** A {@code System.Logger} that hands its records to a {@link LogRouter}. */
final class VectaLogger implements System.Logger {

    private final String name;
    private final LogRouter router;

    VectaLogger(String name, LogRouter router) {
        this.name = name;
        this.router = router;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return router.isLoggable(name, LogLevel.of(level));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        LogLevel vppLevel = LogLevel.of(level);
        if (router.isLoggable(name, vppLevel)) {
            router.log(name, vppLevel, localized(bundle, msg), thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        LogLevel vppLevel = LogLevel.of(level);
        if (router.isLoggable(name, vppLevel)) {
            String pattern = localized(bundle, format);
            String message = params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params);
            router.log(name, vppLevel, message, null);
        }
    }

    private static String localized(ResourceBundle bundle, String key) {
        if (bundle == null || key == null) {
            return key;
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
