package io.quanzi.community.share;

import java.time.LocalDate;
import java.util.List;

/**
 * The brand's share chains in a date range, as trees: each root is a member who shared on their own (not having
 * arrived through a share themselves); a node's children are the members who visited through that member's share
 * links, marked when their join is credited to the link, with their own onward shares below them.
 *
 * <p>Only the {@code limit} largest chains are returned ({@code chainCount} says how many there are) and at most
 * {@value ShareChains#MAX_NODES} nodes in all; {@code truncated} is true when anything was left out. {@code kFactor} is
 * the joins credited to the range's shares per member who shared in it. Names are the display names the members had
 * when they shared, joined or visited; null when unknown.
 */
record ShareChainReport(
        String brandId,
        String timezone,
        LocalDate from,
        LocalDate to,
        int limit,
        int chainCount,
        boolean truncated,
        long sharers,
        long shares,
        long visits,
        long joins,
        double kFactor,
        int maxLevel,
        List<Node> chains) {

    /**
     * One member in a chain: {@code level} 0 for the chain's first sharer, n for someone who arrived through a share
     * of level n-1; {@code shares} links they made; {@code joined} whether their join is credited to the link that
     * brought them; {@code size} nodes in this subtree, this one included.
     */
    record Node(
            String memberId,
            String name,
            int level,
            int shares,
            boolean visited,
            boolean joined,
            int size,
            List<Node> children) {}
}
