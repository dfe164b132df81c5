package cn.ets.registry.gateway.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;

/** The peer gateway's refusals that wrote nothing are told apart from real ones, and never answered as INTERNAL. */
class TransientsTest {
    private static final String MISMATCH = "failed to collect enough transaction endorsements, see attached details"
            + " for more info: ProposalResponsePayloads do not match (base64): 'CiA…' vs 'CiB…'";

    @Test
    void endorsements_that_differ_between_peers_are_endorsed_again_and_report_a_retryable_conflict() {
        EndorseException e = new EndorseException(
                "tx1", Status.ABORTED.withDescription(MISMATCH).asRuntimeException());
        assertThat(Transients.endorsementsDiffer(e)).isTrue();
        assertThat(Transients.ordererRefused(e)).isFalse();
        assertThat(FabricLedger.translate(e).code())
                .as("should it ever reach a client")
                .isEqualTo("CONFLICT");
    }

    @Test
    void a_chaincode_refusal_is_not_transient() {
        GatewayException e = new EndorseException(
                "tx2",
                Status.ABORTED
                        .withDescription("chaincode response 500, [INSUFFICIENT_HOLDINGS] seller U1 holds 5 t")
                        .asRuntimeException());
        assertThat(Transients.endorsementsDiffer(e)).isFalse();
        assertThat(Transients.ordererRefused(e)).isFalse();
        assertThat(FabricLedger.translate(e).code()).isEqualTo("INSUFFICIENT_HOLDINGS");
    }

    @Test
    void an_orderer_that_is_busy_refused_a_broadcast_that_wrote_nothing() {
        SubmitException busy = new SubmitException(
                "tx3",
                Status.ABORTED
                        .withDescription("received unsuccessful response from orderer: status=SERVICE_UNAVAILABLE,"
                                + " info=failed to submit request: request queue is full")
                        .asRuntimeException());
        SubmitException down = new SubmitException(
                "tx4",
                Status.UNAVAILABLE
                        .withDescription("no orderers could successfully process transaction")
                        .asRuntimeException());
        assertThat(Transients.ordererRefused(busy)).isTrue();
        assertThat(Transients.ordererRefused(down)).isTrue();
        assertThat(Transients.alreadyOrdered(busy)).isFalse();
        assertThat(FabricLedger.translate(busy).code()).isEqualTo("LEDGER_UNAVAILABLE");
    }

    @Test
    void an_orderer_that_already_has_the_transaction_is_not_a_failure() {
        SubmitException e = new SubmitException(
                "tx5",
                Status.ABORTED
                        .withDescription("received unsuccessful response from orderer: status=BAD_REQUEST,"
                                + " info=request already processed")
                        .asRuntimeException());
        assertThat(Transients.alreadyOrdered(e)).isTrue();
    }

    @Test
    void a_peer_out_of_reach_lets_another_organisation_endorse_but_a_chaincode_refusal_does_not() {
        EndorseException ownPeerDown = new EndorseException(
                "tx6", Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());
        assertThat(Transients.endorserUnreachable(ownPeerDown, "ExchangeMSP")).isTrue();

        EndorseException chaincodeDown = withDetail(
                "ExchangeMSP",
                "error in simulation: failed to execute transaction: could not launch chaincode: connection refused");
        assertThat(Transients.endorserUnreachable(chaincodeDown, "ExchangeMSP")).isTrue();
        assertThat(Transients.endorserUnreachable(chaincodeDown, "MEEMSP"))
                .as("another organisation's failure")
                .isFalse();

        EndorseException refused =
                withDetail("ExchangeMSP", "chaincode response 500, [INSUFFICIENT_HOLDINGS] seller U1 holds 5 t");
        assertThat(Transients.endorserUnreachable(refused, "ExchangeMSP")).isFalse();
        assertThat(FabricLedger.translate(refused).code()).isEqualTo("INSUFFICIENT_HOLDINGS");
    }

    @Test
    void the_organisations_that_may_endorse_instead_are_read_from_the_policy_in_its_order() {
        assertThat(
                        FabricLedger.policyOrganisations(
                                "AND('RegistryMSP.peer', OR('MEEMSP.peer','ExchangeMSP.peer','ProvinceHBMSP.peer','RegistryMSP.peer'))"))
                .isEqualTo(List.of("RegistryMSP", "MEEMSP", "ExchangeMSP", "ProvinceHBMSP"));
    }

    private static EndorseException withDetail(String msp, String message) {
        // the peer gateway's answer: google.rpc.Status with one ErrorDetail per endorser that failed
        var status = StatusProto.fromStatusAndTrailers(
                        Status.ABORTED.withDescription(
                                "failed to endorse transaction, see attached details for more info"),
                        null)
                .toBuilder()
                .addDetails(Any.pack(ErrorDetail.newBuilder()
                        .setAddress("peer0:9051")
                        .setMspId(msp)
                        .setMessage(message)
                        .build()))
                .build();
        return new EndorseException("tx7", StatusProto.toStatusRuntimeException(status));
    }
}
