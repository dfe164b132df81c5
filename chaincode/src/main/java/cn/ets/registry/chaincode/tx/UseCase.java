package cn.ets.registry.chaincode.tx;

/**
 * What one command does, in two steps the {@link Pipeline} always runs in this order: who may
 * (reads only; runs before any replay is looked up, so a replay never answers someone who could
 * not have sent the command), then what happens (stages writes, may emit an event, returns the
 * result).
 */
public interface UseCase<C, R> {

    /** Refuses (FORBIDDEN, or NOT_FOUND for what the caller names) unless the caller may run the command. */
    void authorise(Tx tx, C command);

    R execute(Tx tx, C command);

    /** A query anyone may run. */
    interface Public<C, R> extends UseCase<C, R> {
        @Override
        default void authorise(Tx tx, C command) {}
    }
}
