/**
 * The text of the show commands, in the layouts VPP users know: each class takes the
 * runtime's data and returns the text a CLI command prints, and holds no state of its own. The
 * commands themselves, which read the user's words and call these, are in
 * {@link io.vecta.runtime.cli.commands}.
 *
 * <pre>
 *   command                          call
 *   show runtime [verbose|max|summary] ShowRuntime.format(threads, options)
 *   clear runtime                    threads.forEach(t -&gt; t.runtime().clearRuntime())
 *   show errors [verbose]            ShowErrors.format(threads, verbose)
 *   clear errors                     threads.forEach(t -&gt; t.runtime().clearErrors())
 *   show vlib graph [NODE]           ShowVlibGraph.format(graph) / format(graph, node)
 *   show vlib graphviz [FILE]        GraphDot.export(graph, threads), GraphDot.toSvg(dot)
 *   show node NAME                   ShowNode.format(threads, name)
 *   show threads                     ShowThreads.format(threads)
 *   show buffers [detail]            ShowBuffers.format(pools, detail)
 *   show plugins                     ShowPlugins.format(plugins, pluginPath)
 *   show version [verbose]           ShowVersion.format(BuildInfo.runtime(), verbose)
 *   show memory                      ShowMemory.format(threads, pools)
 *   show clock [verbose]             ShowClock.format(clock, threads, verbose)
 *   show logging                     ShowLogging.format(LogRouter.global())
 *   clear logging                    LogRouter.global().clear()
 * </pre>
 *
 * {@code threads} are the {@link io.vecta.runtime.show.DispatchThread}s, main thread first.
 * Counters of worker threads are read while they run, without stopping them: each
 * {@code long} is read whole, and a report may be a call behind on a busy worker.
 *
 * <h2>Fields</h2>
 * Widths and number formats follow vppinfra's (see {@code Columns}):
 * text cut to its field, centred text with the odd space on the left, {@code .50} rather than
 * {@code 0.50}, exponents as {@code 1.85e7}, sizes as {@code 86.81m}. Times are nanoseconds
 * where VPP prints CPU clocks, and columns say so ({@code Packet-Time}, as VPP's
 * {@code show runtime time}).
 */
package io.vecta.runtime.show;
