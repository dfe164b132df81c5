package cn.ets.registry.chaincode.inprocess;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * One transaction's stub with a Fabric peer's semantics, for running the contracts in-process (the
 * gateway's embedded ledger, the chaincode tests): reads see only committed state (never the
 * transaction's own writes), writes collect in a write set that the caller applies only if the
 * transaction succeeds, range scans come back in lexical (UTF-8 byte) key order, only the last
 * event survives, and the creator is a serialized identity (MSP id + PEM certificate) exactly as
 * the peer hands it to the shim. Whatever the registry does not use throws, so that a contract
 * starting to use it fails here instead of behaving unlike a peer.
 */
public final class InProcessStub implements ChaincodeStub {
    public static final String CHANNEL = "carbon";
    /** {@link #getMspId()} is the peer's own MSP (CORE_PEER_LOCALMSPID), not the caller's: the registry runs the one in-process peer. */
    public static final String PEER_MSP_ID = "RegistryMSP";
    /** Fabric's upper bound for a partial composite key range (U+10FFFF). */
    private static final String MAX_UNICODE_RUNE = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final StateReader state;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final List<byte[]> args;
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    private final Set<String> reads = new TreeSet<>();
    private ChaincodeEvent event;

    public InProcessStub(
            StateReader state, String txId, Instant timestamp, String mspId, String certificatePem, List<String> args) {
        this.state = Objects.requireNonNull(state, "state");
        this.txId = Objects.requireNonNull(txId, "txId");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.creator = SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFromUtf8(certificatePem))
                .build()
                .toByteArray();
        List<byte[]> a = new ArrayList<>();
        for (String s : args) {
            a.add(s.getBytes(StandardCharsets.UTF_8));
        }
        this.args = Collections.unmodifiableList(a);
    }

    /** The write set in the order written: key → value, or null for a delete. */
    public Map<String, byte[]> writeSet() {
        return Collections.unmodifiableMap(writes);
    }

    /**
     * The keys read one by one (a peer's read set without the range queries): what a concurrent
     * transaction must not write for this one to commit.
     */
    public Set<String> readKeys() {
        return Collections.unmodifiableSet(reads);
    }

    /** The transaction's event (the last one set), or null. */
    public ChaincodeEvent lastEvent() {
        return event;
    }

    @Override
    public List<byte[]> getArgs() {
        return args;
    }

    @Override
    public List<String> getStringArgs() {
        List<String> out = new ArrayList<>();
        for (byte[] b : args) {
            out.add(new String(b, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public String getFunction() {
        return args.isEmpty() ? null : getStringArgs().get(0);
    }

    @Override
    public List<String> getParameters() {
        List<String> s = getStringArgs();
        return s.isEmpty() ? List.of() : s.subList(1, s.size());
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return CHANNEL;
    }

    @Override
    public byte[] getState(String key) {
        reads.add(key);
        byte[] v = state.get(key);
        return v == null ? new byte[0] : v;
    }

    @Override
    public void putState(String key, byte[] value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        writes.put(key, value.clone());
    }

    @Override
    public void delState(String key) {
        writes.put(key, null);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        return iterator(state.range(startKey == null ? "" : startKey, endKey == null ? "" : endKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        // as the shim: a string in composite-key form is parsed, anything else is an object type
        return getStateByPartialCompositeKey(
                compositeKey.startsWith(CompositeKey.NAMESPACE)
                        ? CompositeKey.parseCompositeKey(compositeKey)
                        : new CompositeKey(compositeKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        String start = compositeKey.toString();
        return iterator(state.range(start, start + MAX_UNICODE_RUNE));
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name can not be empty");
        }
        event = ChaincodeEvent.newBuilder()
                .setEventName(name)
                .setTxId(txId)
                .setPayload(ByteString.copyFrom(payload == null ? new byte[0] : payload))
                .build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public byte[] getBinding() {
        return new byte[0];
    }

    @Override
    public String getMspId() {
        return PEER_MSP_ID;
    }

    private static QueryResultsIterator<KeyValue> iterator(List<Map.Entry<String, byte[]>> entries) {
        List<KeyValue> kvs = new ArrayList<>(entries.size());
        for (Map.Entry<String, byte[]> e : entries) {
            kvs.add(new Kv(e.getKey(), e.getValue()));
        }
        return new QueryResultsIterator<>() {
            @Override
            public void close() {}

            @Override
            public Iterator<KeyValue> iterator() {
                return kvs.iterator();
            }
        };
    }

    private record Kv(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    // Fabric features the registry does not use: refusing loudly beats pretending.

    @Override
    public Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw unsupported("invokeChaincode");
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        throw unsupported("getStateValidationParameter");
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw unsupported("setStateValidationParameter");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            String startKey, String endKey, int pageSize, String bookmark) {
        throw unsupported("pagination");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        throw unsupported("pagination");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw unsupported("rich queries (CouchDB only)");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            String query, int pageSize, String bookmark) {
        throw unsupported("rich queries (CouchDB only)");
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        throw unsupported("getHistoryForKey");
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw unsupported("private data");
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw unsupported("private data");
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, CompositeKey compositeKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, String objectType, String... attributes) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw unsupported("private data");
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unsupported("getSignedProposal");
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(what + " is not used by the registry chaincode");
    }
}
