package cn.ets.registry.chaincode.testing;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
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
 * One transaction's view of an {@link InMemoryLedger}, with the peer's semantics: reads see committed
 * state only (never this transaction's own writes), writes collect in a write set, ranges come back in
 * lexical (UTF-8 byte) order, only the last event is kept, and the creator is a SerializedIdentity of
 * MSP id + PEM certificate.
 */
public final class InMemoryStub implements ChaincodeStub {
    private static final String MAX_UNICODE_RUNE = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final NavigableMap<String, byte[]> committed;
    private final String txId;
    private final Instant timestamp;
    private final TestIdentity creator;
    private final List<String> args;
    final Map<String, byte[]> writes = new LinkedHashMap<>();
    ChaincodeEvent event;

    InMemoryStub(NavigableMap<String, byte[]> committed, String txId, Instant timestamp, TestIdentity creator, List<String> args) {
        this.committed = committed;
        this.txId = txId;
        this.timestamp = timestamp;
        this.creator = creator;
        this.args = List.copyOf(args);
    }

    @Override
    public byte[] getState(String key) {
        byte[] v = committed.get(key);
        return v == null ? new byte[0] : v.clone();
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
        String start = startKey == null ? "" : startKey;
        SortedMap<String, byte[]> range = endKey == null || endKey.isEmpty() ? committed.tailMap(start) : committed.subMap(start, endKey);
        List<KeyValue> out = new ArrayList<>();
        range.forEach((k, v) -> out.add(new Kv(k, v.clone())));
        return new QueryResultsIterator<>() {
            @Override
            public Iterator<KeyValue> iterator() {
                return out.iterator();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        // as the shim: a string in composite-key form is parsed, anything else is an object type
        return getStateByPartialCompositeKey(compositeKey.startsWith(CompositeKey.NAMESPACE)
                ? CompositeKey.parseCompositeKey(compositeKey) : new CompositeKey(compositeKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(createCompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        String start = compositeKey.toString();
        return getStateByRange(start, start + MAX_UNICODE_RUNE);
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
        event = ChaincodeEvent.newBuilder().setEventName(name).setTxId(txId)
                .setPayload(ByteString.copyFrom(payload == null ? new byte[0] : payload)).build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    @Override
    public byte[] getCreator() {
        return SerializedIdentity.newBuilder().setMspid(creator.mspId())
                .setIdBytes(ByteString.copyFromUtf8(creator.certificatePem())).build().toByteArray();
    }

    @Override
    public String getMspId() {
        return creator.mspId();
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public String getChannelId() {
        return "carbon";
    }

    @Override
    public List<byte[]> getArgs() {
        List<byte[]> out = new ArrayList<>();
        args.forEach(a -> out.add(a.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Override
    public List<String> getStringArgs() {
        return args;
    }

    @Override
    public String getFunction() {
        return args.isEmpty() ? null : args.get(0);
    }

    @Override
    public List<String> getParameters() {
        return args.isEmpty() ? List.of() : args.subList(1, args.size());
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public byte[] getBinding() {
        return new byte[0];
    }

    private record Kv(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value;
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    // What the registry chaincode does not use fails loudly.

    private static UnsupportedOperationException unused(String what) {
        return new UnsupportedOperationException(what + " is not supported by the test stub");
    }

    @Override
    public Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw unused("invokeChaincode");
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        throw unused("validation parameters");
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw unused("validation parameters");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(String s, String e, int p, String b) {
        throw unused("pagination");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(CompositeKey k, int p, String b) {
        throw unused("pagination");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw unused("rich queries");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(String q, int p, String b) {
        throw unused("rich queries");
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        throw unused("history");
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw unused("private data");
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw unused("private data");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw unused("private data");
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw unused("private data");
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw unused("private data");
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw unused("private data");
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw unused("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw unused("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw unused("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, CompositeKey compositeKey) {
        throw unused("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String objectType, String... attributes) {
        throw unused("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw unused("private data");
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unused("signed proposal");
    }
}
