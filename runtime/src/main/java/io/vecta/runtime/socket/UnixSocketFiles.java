package io.vecta.runtime.socket;

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
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Gets a unix socket path ready for a listener, and tells apart a socket file left by a
 * runtime that died (replaced) from one a live process listens on (refused): a connect to
 * the first is refused by the kernel, to the second it succeeds.
 */
public final class UnixSocketFiles {

    /** {@code sun_path} holds 108 bytes with the terminating NUL. */
    public static final int MAX_PATH_BYTES = 107;

    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SOCKET_TYPE = 0140000;

    private UnixSocketFiles() {
    }

    /**
     * Makes the socket's directory when missing, with {@code directoryPermissions}
     * ({@code rwx------}), removes a stale socket file, and refuses a path that a live process
     * listens on or that is not a socket.
     *
     * @throws SocketFileException saying what is wrong with the path
     */
    public static void prepare(Path path, String directoryPermissions) {
        int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            throw new SocketFileException("path is " + bytes + " bytes long, a unix socket path holds at most "
                    + MAX_PATH_BYTES, null);
        }
        Path directory = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(directoryPermissions)));
            } catch (IOException e) {
                throw new SocketFileException("cannot create directory " + directory + ": " + osReason(e), e);
            }
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new SocketFileException("cannot look at the path: " + osReason(e), e);
        }
        if (!isSocket(path, attributes)) {
            throw new SocketFileException("exists and is not a socket; remove it or listen elsewhere", null);
        }
        if (someoneListens(path)) {
            throw new SocketFileException("in use by another process", null);
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new SocketFileException("cannot remove the stale socket file: " + osReason(e), e);
        }
    }

    /**
     * Gives the socket to group {@code gid} (a name or a number) and lets the group read and
     * write it, as VPP's {@code unix { gid vpp }} does.
     *
     * @throws SocketFileException naming the group and the reason
     */
    public static void giveToGroup(Path path, String gid) {
        try {
            GroupPrincipal group = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(gid);
            Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group);
            makeGroupWritable(path);
        } catch (IOException | UnsupportedOperationException e) {
            throw new SocketFileException("unix { gid " + gid + " }: cannot give the socket to that group: "
                    + e.getMessage(), e);
        }
    }

    /** Lets the socket's group read and write it. */
    public static void makeGroupWritable(Path path) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
        permissions.add(PosixFilePermission.GROUP_READ);
        permissions.add(PosixFilePermission.GROUP_WRITE);
        Files.setPosixFilePermissions(path, permissions);
    }

    /** The identity of the file at {@code path} (device and inode), or null when there is none. */
    public static Object fileKey(Path path) {
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
    public static void deleteIfSame(Path path, Object key) {
        if (key != null && key.equals(fileKey(path))) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // nothing listens on it any more, so the next runtime replaces it as stale
            }
        }
    }

    /** The OS's reason for a failed file or socket call, as {@code strerror} words it. */
    public static String osReason(IOException e) {
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

    private static boolean someoneListens(Path path) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new SocketFileException("cannot tell whether a runtime listens there: " + osReason(e), e);
        }
    }
}
