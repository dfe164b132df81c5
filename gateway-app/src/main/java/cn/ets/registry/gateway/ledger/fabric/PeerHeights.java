package cn.ets.registry.gateway.ledger.fabric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far each organisation's peer has committed, from one filtered-block stream per peer (a
 * reader thread each, reconnecting from the last block seen): read-your-writes waits here instead
 * of asking every peer its height after every commit, and a transaction whose broadcast answered
 * "already processed" finds its outcome here by transaction id.
 */
final class PeerHeights implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerHeights.class);
    /** How many recent transactions' outcomes each peer's watcher remembers. */
    private static final int REMEMBERED = 20_000;

    /** A transaction as a peer committed it. */
    record Committed(String txId, long block, TxValidationCode code) {}

    private final List<Peer> peers = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * Starts a watcher per peer: {@code networks} gives the channel as seen through that peer's own
     * connection, {@code heights} the peer's height now (the stream starts there).
     */
    PeerHeights(List<String> peerMsps, Function<String, Network> networks, Function<String, Long> heights) {
        for (String msp : peerMsps) {
            Peer p = new Peer(msp, networks.apply(msp), heights.apply(msp));
            peers.add(p);
            Thread t = new Thread(p::follow, "fabric-height-" + msp);
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * Waits until every peer has committed {@code block}; false if one has not by the timeout. A peer
     * that is out of reach (its block stream broke, or it missed such a wait) is not waited for
     * until it has caught up again, so a peer down or cut off costs the clients one timeout, not one
     * per change.
     */
    boolean awaitEveryPeer(long block, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        boolean all = true;
        for (Peer p : peers) {
            if (p.behind(block + 1)) {
                all = false;
                continue;
            }
            if (!p.awaitHeight(block + 1, deadline)) {
                LOG.warn(
                        "peer of {} has not committed block {} after {} {}; not waited for until it catches up",
                        p.msp,
                        block,
                        timeout,
                        unit);
                p.markBehind();
                return false;
            }
        }
        return all;
    }

    /** The outcome of a transaction on the first watched peer (all peers validate alike), once committed. */
    Optional<Committed> awaitTransaction(String txId, long timeout, TimeUnit unit) throws InterruptedException {
        return peers.get(0).awaitTransaction(txId, System.nanoTime() + unit.toNanos(timeout));
    }

    /** msp → height, for health. */
    Map<String, Long> heights() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Peer p : peers) {
            out.put(p.msp, p.height());
        }
        return out;
    }

    @Override
    public void close() {
        open = false;
        peers.forEach(Peer::close);
    }

    private final class Peer {
        final String msp;
        final Network network;
        private long height;
        /** Its stream broke or it missed a wait: skipped by {@link #awaitEveryPeer} until it reaches the awaited block. */
        private boolean behind;

        private CloseableIterator<FilteredBlock> stream;
        private final LinkedHashMap<String, Committed> recent = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Committed> eldest) {
                return size() > REMEMBERED;
            }
        };

        Peer(String msp, Network network, long height) {
            this.msp = msp;
            this.network = network;
            this.height = height;
        }

        void follow() {
            while (open) {
                try {
                    CloseableIterator<FilteredBlock> it;
                    synchronized (this) {
                        it = network.newFilteredBlockEventsRequest()
                                .startBlock(height)
                                .build()
                                .getEvents();
                        stream = it;
                    }
                    while (open && it.hasNext()) {
                        seen(it.next());
                    }
                } catch (RuntimeException e) {
                    if (open) {
                        LOG.debug("block stream of {} ended ({}); reconnecting", msp, e.getMessage());
                        markBehind();
                    }
                }
                if (open) {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        private synchronized void seen(FilteredBlock b) {
            for (FilteredTransaction t : b.getFilteredTransactionsList()) {
                recent.put(t.getTxid(), new Committed(t.getTxid(), b.getNumber(), t.getTxValidationCode()));
            }
            height = Math.max(height, b.getNumber() + 1);
            notifyAll();
        }

        synchronized long height() {
            return height;
        }

        synchronized void markBehind() {
            behind = true;
        }

        /** Out of reach and not yet at {@code wanted}; once there, waited for again. */
        synchronized boolean behind(long wanted) {
            if (behind && height >= wanted) {
                behind = false;
            }
            return behind;
        }

        synchronized boolean awaitHeight(long wanted, long deadline) throws InterruptedException {
            while (height < wanted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        synchronized Optional<Committed> awaitTransaction(String txId, long deadline) throws InterruptedException {
            while (!recent.containsKey(txId)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return Optional.of(recent.get(txId));
        }

        synchronized void close() {
            if (stream != null) {
                stream.close();
            }
            notifyAll();
        }
    }
}
