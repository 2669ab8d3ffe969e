package io.vecta.runtime.buffer;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The {@code page-size} of {@code buffers { }} in startup.conf: which pages buffer memory is
 * mapped on.
 */
public enum BufferPageSize {

    /**
     * Not given: try the default hugepage size and, if that mapping fails (no hugepages, too
     * few free), fall back to the default page size with a warning. This is what VPP does when
     * {@code page-size} is absent.
     */
    UNSET(null),
    /** The base page size, 4K. */
    DEFAULT("default"),
    /** The kernel's default hugepage size ({@code Hugepagesize} in /proc/meminfo), 2M on most hosts; no fallback. */
    DEFAULT_HUGEPAGE("default-hugepage"),
    /** 4K pages. */
    SIZE_4K("4K"),
    /** 2M hugepages; no fallback. */
    SIZE_2M("2M");

    private final String keyword;

    BufferPageSize(String keyword) {
        this.keyword = keyword;
    }

    /** The startup.conf word, e.g. {@code default-hugepage}; {@code null} for {@link #UNSET}. */
    public String keyword() {
        return keyword;
    }

    /**
     * The value for a startup.conf word, case-insensitive.
     *
     * @throws IllegalArgumentException listing the accepted words
     */
    public static BufferPageSize parse(String keyword) {
        for (BufferPageSize size : values()) {
            if (size.keyword != null && size.keyword.equalsIgnoreCase(keyword)) {
                return size;
            }
        }
        throw new IllegalArgumentException("buffers: page-size '" + keyword + "' is not one of "
                + Arrays.stream(values()).filter(s -> s.keyword != null).map(BufferPageSize::keyword)
                        .collect(Collectors.joining(", ")));
    }
}
