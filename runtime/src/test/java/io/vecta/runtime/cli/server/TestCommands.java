package io.vecta.runtime.cli.server;

import io.vecta.runtime.cli.CommandOutcome;
import io.vecta.runtime.cli.CommandOutcome.Action;
import io.vecta.runtime.cli.CommandRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A small command set for transport tests: {@code echo WORDS}, {@code fail}, {@code slow}
 * (waits for {@link #releaseSlow}), {@code quit}, {@code halt} and {@code ?} help listings.
 * Records every line it was given.
 */
public final class TestCommands implements CommandRunner {

    /** Counted down when a {@code slow} command starts. */
    public final CountDownLatch slowStarted = new CountDownLatch(1);
    /** Lets {@code slow} commands finish. */
    public final CountDownLatch releaseSlow = new CountDownLatch(1);
    /** Every line run, in order. */
    public final List<String> lines = new CopyOnWriteArrayList<>();

    private volatile boolean running;
    private volatile boolean overlapped;

    @Override
    public CommandOutcome run(String line) {
        if (running) {
            overlapped = true;
        }
        running = true;
        try {
            lines.add(line);
            return answer(line);
        } finally {
            running = false;
        }
    }

    /** Whether two calls ever ran at once. */
    public boolean overlapped() {
        return overlapped;
    }

    private CommandOutcome answer(String line) {
        String trimmed = line.strip();
        if (trimmed.endsWith("?")) {
            return help(trimmed.substring(0, trimmed.length() - 1).strip());
        }
        String[] words = trimmed.split("\\s+", 2);
        return switch (words[0]) {
            case "" -> CommandOutcome.ok("");
            case "echo" -> CommandOutcome.ok((words.length > 1 ? words[1] : "") + "\n");
            case "fail" -> CommandOutcome.error("fail: failed as asked");
            case "slow" -> {
                slowStarted.countDown();
                try {
                    releaseSlow.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield CommandOutcome.ok("slow done\n");
            }
            case "quit" -> new CommandOutcome("", false, Action.CLOSE_SESSION);
            case "halt" -> new CommandOutcome("halting\n", false, Action.STOP_RUNTIME);
            default -> CommandOutcome.error("unknown input '" + trimmed + "'");
        };
    }

    private static CommandOutcome help(String typed) {
        return switch (typed) {
            case "" -> CommandOutcome.ok("""
                      echo                           print the words
                      fail                           always fails
                      show                           show things
                    """);
            case "show", "sh" -> CommandOutcome.ok("""
                      show interface [NAME]          interfaces and their counters
                      show runtime                   node run times
                      show version                   the version
                    """);
            default -> CommandOutcome.error("no help for '" + typed + "'");
        };
    }
}
