package io.vecta.sdk.api;

/**
 * The {@code retval} values VPP's replies carry ({@code VNET_API_ERROR_*}), for handlers and
 * clients to share: a Vecta reply means what the same number means from VPP. Zero is success;
 * every error is negative.
 */
public final class ApiErrors {

    /** Success. */
    public static final int OK = 0;
    /** {@code VNET_API_ERROR_UNSPECIFIED}: failed, for a reason no other code names. */
    public static final int UNSPECIFIED = -1;
    /** {@code VNET_API_ERROR_INVALID_SW_IF_INDEX}: no interface has that sw_if_index. */
    public static final int INVALID_SW_IF_INDEX = -2;
    /** {@code VNET_API_ERROR_NO_SUCH_FIB}: no table (VRF) has that id. */
    public static final int NO_SUCH_FIB = -3;
    /** {@code VNET_API_ERROR_NO_SUCH_ENTRY}: there is nothing to remove or change under that key. */
    public static final int NO_SUCH_ENTRY = -6;
    /** {@code VNET_API_ERROR_INVALID_VALUE}: a field's value is out of range. */
    public static final int INVALID_VALUE = -7;
    /** {@code VNET_API_ERROR_UNIMPLEMENTED}: the message is known but not served in this form. */
    public static final int UNIMPLEMENTED = -9;
    /** {@code VNET_API_ERROR_INVALID_SW_IF_INDEX_2}: the second interface of the request does not exist. */
    public static final int INVALID_SW_IF_INDEX_2 = -10;
    /** {@code VNET_API_ERROR_INVALID_REGISTRATION}: subscribing twice, or leaving unsubscribed. */
    public static final int INVALID_REGISTRATION = -31;
    /** {@code VNET_API_ERROR_NEXT_HOP_NOT_IN_FIB}: a next hop given without an interface is in no connected subnet. */
    public static final int NEXT_HOP_NOT_IN_FIB = -50;
    /** {@code VNET_API_ERROR_NO_PATHS_IN_ROUTE}: a route change that needs paths came with none. */
    public static final int NO_PATHS_IN_ROUTE = -52;
    /** {@code VNET_API_ERROR_NO_MATCHING_INTERFACE}: a path names an interface that does not exist. */
    public static final int NO_MATCHING_INTERFACE = -54;
    /** {@code VNET_API_ERROR_NO_SUCH_NODE}: no graph node has that name. */
    public static final int NO_SUCH_NODE = -63;
    /** {@code VNET_API_ERROR_NO_SUCH_NODE2}: the second node named does not exist. */
    public static final int NO_SUCH_NODE2 = -64;
    /** {@code VNET_API_ERROR_BD_ALREADY_EXISTS}: a bridge domain has that id already. */
    public static final int BD_ALREADY_EXISTS = -119;
    /** {@code VNET_API_ERROR_BD_IN_USE}: the bridge domain still has member interfaces. */
    public static final int BD_IN_USE = -120;
    /** {@code VNET_API_ERROR_BD_NOT_MODIFIABLE}: bridge domain 0 is never created, changed or deleted. */
    public static final int BD_NOT_MODIFIABLE = -121;
    /** {@code VNET_API_ERROR_BD_ID_EXCEED_MAX}: a bridge domain id above the 24-bit limit. */
    public static final int BD_ID_EXCEED_MAX = -122;
    /** {@code VNET_API_ERROR_NON_ETHERNET}: the interface cannot switch frames (local0). */
    public static final int NON_ETHERNET = -151;
    /** {@code VNET_API_ERROR_BD_ALREADY_HAS_BVI}: the bridge domain has another BVI. */
    public static final int BD_ALREADY_HAS_BVI = -152;
    /** {@code VNET_API_ERROR_EAGAIN}: more follows; send the {@code _get} again from the reply's cursor. */
    public static final int EAGAIN = -165;
    /** {@code VNET_API_ERROR_INVALID_PREFIX_LENGTH}: longer than the address (IPv4: over 32). */
    public static final int INVALID_PREFIX_LENGTH = -171;

    private ApiErrors() {
    }
}
