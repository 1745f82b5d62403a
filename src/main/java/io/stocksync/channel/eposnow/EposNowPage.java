package io.stocksync.channel.eposnow;

import java.util.List;

/** One page of a ProductStock listing; {@code last} when Epos Now answered fewer rows than a full page. */
public record EposNowPage(List<EposNowLevel> levels, boolean last) {}
