/**
 * The files behind the runtime's unix sockets (the CLI's and the binary API's): getting a path
 * ready to listen on, handing it to a group, removing it when the listener ends.
 */
package io.vecta.runtime.socket;
