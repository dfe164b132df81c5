package cn.ets.registry.gateway.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
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
}
