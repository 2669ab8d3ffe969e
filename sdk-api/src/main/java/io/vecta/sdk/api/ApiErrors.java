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
    /** {@code VNET_API_ERROR_NO_SUCH_ENTRY}: there is nothing to remove or change under that key. */
    public static final int NO_SUCH_ENTRY = -6;
    /** {@code VNET_API_ERROR_INVALID_VALUE}: a field's value is out of range. */
    public static final int INVALID_VALUE = -7;
    /** {@code VNET_API_ERROR_UNIMPLEMENTED}: the message is known but not served in this form. */
    public static final int UNIMPLEMENTED = -9;
    /** {@code VNET_API_ERROR_INVALID_REGISTRATION}: subscribing twice, or leaving unsubscribed. */
    public static final int INVALID_REGISTRATION = -31;
    /** {@code VNET_API_ERROR_NO_SUCH_NODE}: no graph node has that name. */
    public static final int NO_SUCH_NODE = -63;
    /** {@code VNET_API_ERROR_NO_SUCH_NODE2}: the second node named does not exist. */
    public static final int NO_SUCH_NODE2 = -64;
    /** {@code VNET_API_ERROR_EAGAIN}: more follows; send the {@code _get} again from the reply's cursor. */
    public static final int EAGAIN = -165;

    private ApiErrors() {
    }
}
