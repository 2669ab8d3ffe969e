package io.vecta.runtime.cli.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Gets a unix socket path ready for a listener, and tells apart a socket file left by a
 * runtime that died (replaced) from one a live process listens on (refused): a connect to
 * the first is refused by the kernel, to the second it succeeds.
 */
final class UnixSocketPaths {

    /** {@code sun_path} holds 108 bytes with the terminating NUL. */
    static final int MAX_PATH_BYTES = 107;

    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SOCKET_TYPE = 0140000;

    private UnixSocketPaths() {
    }

    /**
     * Makes the socket's directory when missing (owner-only, as the CLI runs any command
     * without a password), removes a stale socket file, and refuses a path that a live
     * process listens on or that is not a socket.
     */
    static void prepare(CliEndpoint.UnixSocket endpoint) {
        Path path = endpoint.path();
        int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            throw new CliListenException(endpoint,
                    "path is " + bytes + " bytes long, a unix socket path holds at most " + MAX_PATH_BYTES);
        }
        Path directory = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                throw new CliListenException(endpoint, "cannot create directory " + directory + ": " + osReason(e), e);
            }
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new CliListenException(endpoint, "cannot look at the path: " + osReason(e), e);
        }
        if (!isSocket(path, attributes)) {
            throw new CliListenException(endpoint, "exists and is not a socket; remove it or listen elsewhere");
        }
        if (someoneListens(endpoint)) {
            throw new CliListenException(endpoint, "in use by another process");
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new CliListenException(endpoint, "cannot remove the stale socket file: " + osReason(e), e);
        }
    }

    /** The identity of the file at {@code path} (device and inode), or null when there is none. */
    static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Removes the socket file if it is still the one this listener made: a runtime started
     * after this one failed to stop may already have replaced it.
     */
    static void deleteIfSame(Path path, Object key) {
        if (key != null && key.equals(fileKey(path))) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // nothing listens on it any more, so the next runtime replaces it as stale
            }
        }
    }

    /** The OS's reason for a failed file or socket call, as {@code strerror} words it. */
    static String osReason(IOException e) {
        if (e instanceof FileSystemException fileError && fileError.getReason() != null) {
            return fileError.getReason();
        }
        return switch (e) {
            case AccessDeniedException _ -> "Permission denied";
            case NoSuchFileException _ -> "No such file or directory";
            case NotDirectoryException _ -> "Not a directory";
            case FileAlreadyExistsException f -> f.getFile() + " exists and is not a directory";
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }

    private static boolean isSocket(Path path, BasicFileAttributes attributes) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & FILE_TYPE_MASK) == SOCKET_TYPE;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return attributes.isOther();
        }
    }

    private static boolean someoneListens(CliEndpoint.UnixSocket endpoint) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(endpoint.path()));
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new CliListenException(endpoint,
                    "cannot tell whether a runtime listens there: " + osReason(e), e);
        }
    }
}
