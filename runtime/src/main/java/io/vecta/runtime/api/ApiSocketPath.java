package io.vecta.runtime.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Gets the API socket's path ready, as VPP does for {@code socksvr}: the directory is made if
 * missing, a socket file nothing listens on (left by a runtime that died) is replaced, one a
 * live process listens on is refused; the socket is made group-writable and, with
 * {@code unix { gid }}, given to that group, so the group's members may connect.
 */
final class ApiSocketPath {

    /** {@code sun_path} holds 108 bytes with the terminating NUL. */
    static final int MAX_PATH_BYTES = 107;

    private ApiSocketPath() {
    }

    /** Makes the directory, removes a stale socket, refuses a path in use or not a socket. */
    static void prepare(Path path) {
        int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            throw new ApiListenException(path, "path is " + bytes + " bytes long, a unix socket path holds at most "
                    + MAX_PATH_BYTES, null);
        }
        Path directory = path.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
            }
        } catch (IOException e) {
            throw new ApiListenException(path, "cannot create directory " + directory + ": " + reason(e), e);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new ApiListenException(path, "cannot look at the path: " + reason(e), e);
        }
        if (!attributes.isOther()) {
            throw new ApiListenException(path, "exists and is not a socket; remove it or listen elsewhere", null);
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            throw new ApiListenException(path, "in use by another process", null);
        } catch (ConnectException stale) {
            // nothing listens: a runtime died and left it
        } catch (IOException e) {
            throw new ApiListenException(path, "cannot tell whether a runtime listens there: " + reason(e), e);
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new ApiListenException(path, "cannot remove the stale socket file: " + reason(e), e);
        }
    }

    /** Read and write for owner and group; the group's members are API clients. */
    static void makeGroupWritable(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new ApiListenException(path, "cannot make the socket group-writable: " + e.getMessage(), e);
        }
    }

    /** Gives the socket to group {@code gid}, a name or a number. */
    static void giveToGroup(Path path, String gid) {
        try {
            GroupPrincipal group = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(gid);
            Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ApiListenException(path, "unix { gid " + gid + " }: cannot give the socket to that group: "
                    + e.getMessage(), e);
        }
    }

    /** The identity of the file at {@code path}, or null when there is none. */
    static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes the socket if it is still the one this server made. */
    static void deleteIfSame(Path path, Object key) {
        if (key != null && key.equals(fileKey(path))) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // nothing listens on it any more: the next runtime replaces it as stale
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fileError && fileError.getReason() != null) {
            return fileError.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
