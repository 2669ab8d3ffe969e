package io.vecta.runtime.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where every log record of the runtime goes: the one facade behind {@code System.Logger}
 * (through {@link VectaLoggerFinder}), VPP's {@code vlib_log} in shape.
 *
 * <pre>
 *   System.getLogger(name).log(level, ...)
 *        │  level mapped to VPP's (LogLevel.of)
 *        ├─ passes the class's level? ──&gt; ring of the newest N entries (show logging)
 *        │                           └──&gt; log file, if one is set (unix { log FILE })
 *        └─ warn or worse, runtime not interactive? ──&gt; stderr
 * </pre>
 *
 * <h2>Levels</h2>
 * A record reaches the ring and the file when its level passes its class's level: the level
 * set for the longest class name that is the record's class or a parent of it (a prefix
 * followed by {@code .} or {@code /}), else the default level, {@code info}. A record's class
 * is its logger's name without {@code io.vecta.}, so {@code io.vecta.runtime.buffer} logs as
 * class {@code runtime.buffer}; levels may be set by either name. Stderr has its own
 * threshold, {@code warn}, and is not written while the runtime is interactive: its terminal
 * belongs to the CLI then.
 *
 * <h2>Configuration</h2>
 * The setters are what {@code logging { default-log-level L; size N; class C { level L } }}
 * and {@code unix { log FILE; interactive }} map to; they may be called at any time, from any
 * thread.
 *
 * <h2>Threads</h2>
 * Any thread may log. The ring and the file are each written under a lock, so logging is for
 * the control plane and for rare events on the dataplane (a warning), never per packet.
 */
public final class LogRouter {

    /** Entries the ring keeps unless configured otherwise: VPP's default. */
    public static final int DEFAULT_RING_SIZE = 512;
    /** The default level of classes with none of their own. */
    public static final LogLevel DEFAULT_LEVEL = LogLevel.INFO;
    /** The threshold of stderr unless configured otherwise. */
    public static final LogLevel DEFAULT_STDERR_LEVEL = LogLevel.WARN;

    private static final String OWN_PREFIX = "io.vecta.";
    private static final LogRouter GLOBAL = new LogRouter(InstantSource.system(), System.err, ZoneId.systemDefault());

    private final InstantSource clock;
    private final PrintStream stderr;
    private final ZoneId zone;
    private final Map<String, LogLevel> classLevels = new ConcurrentHashMap<>();
    private final ArrayDeque<LogEntry> ring = new ArrayDeque<>();
    private final Object fileLock = new Object();
    private volatile LogLevel defaultLevel = DEFAULT_LEVEL;
    private volatile LogLevel stderrLevel = DEFAULT_STDERR_LEVEL;
    private volatile boolean interactive;
    private int ringSize = DEFAULT_RING_SIZE;
    private Path filePath;
    private BufferedWriter file;

    /**
     * A router of its own, for tests and tools: entries stamped by {@code clock}, stderr
     * records written to {@code stderr}, file lines in time zone {@code zone}. The runtime uses
     * {@link #global()}.
     */
    public LogRouter(InstantSource clock, PrintStream stderr, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stderr = Objects.requireNonNull(stderr, "stderr");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The router behind {@code System.getLogger} in this JVM. */
    public static LogRouter global() {
        return GLOBAL;
    }

    /** A {@code System.Logger} called {@code name} that logs here. */
    public System.Logger logger(String name) {
        return new VectaLogger(name, this);
    }

    /** The class a logger called {@code loggerName} logs as: its name without {@code io.vecta.}. */
    public static String classOf(String loggerName) {
        return loggerName.startsWith(OWN_PREFIX) ? loggerName.substring(OWN_PREFIX.length()) : loggerName;
    }

    /** Sets the level of classes with none of their own ({@code default-log-level}). */
    public void setDefaultLevel(LogLevel level) {
        this.defaultLevel = Objects.requireNonNull(level, "level");
    }

    /** Sets the level of class {@code className} and the classes under it ({@code class C { level L }}). */
    public void setClassLevel(String className, LogLevel level) {
        Objects.requireNonNull(level, "level");
        if (className.isBlank()) {
            throw new IllegalArgumentException("log class name is empty");
        }
        classLevels.put(classOf(className), level);
    }

    /** Sets the threshold of records written to stderr. */
    public void setStderrLevel(LogLevel level) {
        this.stderrLevel = Objects.requireNonNull(level, "level");
    }

    /** Whether the runtime's terminal runs the CLI, in which case nothing is written to stderr. */
    public void setInteractive(boolean interactive) {
        this.interactive = interactive;
    }

    /**
     * Keeps the newest {@code entries} records in the ring ({@code logging { size N }}),
     * forgetting the oldest beyond it now.
     *
     * @throws IllegalArgumentException if {@code entries} is less than 1
     */
    public void setRingSize(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("logging size must be at least 1 entry, not " + entries);
        }
        synchronized (ring) {
            ringSize = entries;
            while (ring.size() > ringSize) {
                ring.removeFirst();
            }
        }
    }

    /**
     * Appends every record that passes its class's level to {@code path} as well
     * ({@code unix { log FILE }}), creating the file if needed, instead of any earlier file.
     *
     * @throws IllegalArgumentException naming the file and the reason if it cannot be opened
     *                                  for appending; the earlier file, if any, is kept
     */
    public void setLogFile(Path path) {
        BufferedWriter opened;
        try {
            opened = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("log file " + path + " cannot be opened for appending: " + reason(e), e);
        }
        synchronized (fileLock) {
            closeFile();
            filePath = path;
            file = opened;
        }
    }

    /** Stops writing to the log file, if there is one, and closes it. */
    public void closeLogFile() {
        synchronized (fileLock) {
            closeFile();
        }
    }

    /** The level records of logger {@code loggerName} must pass to reach the ring and the file. */
    public LogLevel levelOf(String loggerName) {
        String name = classOf(loggerName);
        while (true) {
            LogLevel level = classLevels.get(name);
            if (level != null) {
                return level;
            }
            int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('/'));
            if (cut <= 0) {
                return defaultLevel;
            }
            name = name.substring(0, cut);
        }
    }

    /** Whether a record of {@code level} from logger {@code loggerName} would go anywhere. */
    public boolean isLoggable(String loggerName, LogLevel level) {
        return level.passes(levelOf(loggerName)) || toStderr(level);
    }

    /** Logs {@code message} (and {@code thrown}, if not null) at {@code level} for logger {@code loggerName}. */
    public void log(String loggerName, LogLevel level, String message, Throwable thrown) {
        boolean kept = level.passes(levelOf(loggerName));
        boolean toStderr = toStderr(level);
        if (!kept && !toStderr) {
            return;
        }
        String logClass = classOf(loggerName);
        String text = String.valueOf(message);
        LogEntry entry = new LogEntry(clock.instant(), level, logClass,
                thrown == null ? text : text + ": " + thrown);
        if (kept) {
            synchronized (ring) {
                if (ring.size() == ringSize) {
                    ring.removeFirst();
                }
                ring.addLast(entry);
            }
            writeFile(entry, thrown);
        }
        if (toStderr) {
            stderr.println(logClass + " [" + level.label() + "]: " + entry.message() + stackTrace(thrown));
        }
    }

    /** The time zone of the times in the log file and in {@code show logging}. */
    public ZoneId zone() {
        return zone;
    }

    /** The entries in the ring, oldest first. */
    public List<LogEntry> entries() {
        synchronized (ring) {
            return List.copyOf(ring);
        }
    }

    /** Forgets every entry of the ring ({@code clear logging}); the file keeps its lines. */
    public void clear() {
        synchronized (ring) {
            ring.clear();
        }
    }

    private boolean toStderr(LogLevel level) {
        return !interactive && level.passes(stderrLevel);
    }

    private void writeFile(LogEntry entry, Throwable thrown) {
        synchronized (fileLock) {
            if (file == null) {
                return;
            }
            try {
                file.write(entry.line(zone) + stackTrace(thrown));
                file.newLine();
                file.flush();
            } catch (IOException e) {
                Path failed = filePath;
                closeFile();
                stderr.println("log [error]: writing log file " + failed + " failed (" + reason(e)
                        + "); no more records go to it");
            }
        }
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                stderr.println("log [warn]: closing log file " + filePath + " failed: " + reason(e));
            }
            file = null;
            filePath = null;
        }
    }

    private static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return System.lineSeparator() + trace.toString().stripTrailing();
    }

    private static String reason(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + " (" + e.getMessage() + ")";
    }
}
